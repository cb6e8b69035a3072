package imagetext

import (
	"image"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// QRCodes returns the contents of the QR code in img, if any: a link to a
// fake bank page or an "app" is what many scam screenshots carry. gozxing
// (a port of ZXing, the reference decoder) reads one code per image.
func QRCodes(img image.Image) (out []string) {
	defer func() {
		// A damaged code must not take the bot down with it.
		if recover() != nil {
			out = nil
		}
	}()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return nil
	}
	hints := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, hints)
	if err != nil || res.GetText() == "" {
		return nil
	}
	return []string{res.GetText()}
}
