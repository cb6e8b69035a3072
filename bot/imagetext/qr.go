package imagetext

import (
	"image"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// QRCodes returns the contents of the QR code in img, if any: a link to a
// fake bank page or an "app" is what many scam screenshots carry. gozxing
// (a port of ZXing, the reference decoder) reads one code per image.
func QRCodes(img image.Image) []string {
	links, _ := qrCode(img)
	return links
}

// qrCode also returns where the code is (its finder patterns' box,
// widened by a quarter of its size to take in the outer modules), so the
// OCR can leave it out: its black squares read as garbage and break the
// layout of the text beside them.
func qrCode(img image.Image) (out []string, at image.Rectangle) {
	defer func() {
		// A damaged code must not take the bot down with it.
		if recover() != nil {
			out, at = nil, image.Rectangle{}
		}
	}()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return nil, image.Rectangle{}
	}
	hints := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, hints)
	if err != nil || res.GetText() == "" {
		return nil, image.Rectangle{}
	}
	for i, p := range res.GetResultPoints() {
		pt := image.Pt(int(p.GetX()), int(p.GetY()))
		if i == 0 {
			at = image.Rectangle{Min: pt, Max: pt}
			continue
		}
		at = at.Union(image.Rectangle{Min: pt, Max: pt.Add(image.Pt(1, 1))})
	}
	pad := max(at.Dx(), at.Dy()) / 4
	at = at.Inset(-pad).Add(img.Bounds().Min.Sub(image.Point{})).Intersect(img.Bounds())
	return []string{res.GetText()}, at
}
