package imagetext

import (
	"bytes"
	"fmt"
	"image"
	// PNG and JPEG are registered for image.Decode by their imports;
	// WebP (Telegram's format for stickers, and some phones' screenshots)
	// by x/image's decoder.
	_ "image/jpeg"
	_ "image/png"

	_ "golang.org/x/image/webp"
)

// formats are the encodings accepted; GIF and others are refused even if
// another import registers them.
var formats = map[string]bool{"png": true, "jpeg": true, "webp": true}

// Decode decodes a PNG, JPEG or WebP image. Its header is read first, so
// an image whose size exceeds MaxPixels is refused before its pixels are
// unpacked. Errors wrap ErrNotImage or ErrTooLarge.
func Decode(data []byte) (img image.Image, err error) {
	defer func() {
		// The decoders are meant to return errors on damaged input;
		// this keeps a decoder bug from taking the bot down.
		if p := recover(); p != nil {
			img, err = nil, fmt.Errorf("%w: decoder failed", ErrNotImage)
		}
	}()
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotImage, err)
	}
	if !formats[format] {
		return nil, fmt.Errorf("%w: format %s", ErrNotImage, format)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, fmt.Errorf("%w: empty %dx%d", ErrNotImage, cfg.Width, cfg.Height)
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return nil, fmt.Errorf("%w: %dx%d", ErrTooLarge, cfg.Width, cfg.Height)
	}
	img, _, err = image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotImage, err)
	}
	return img, nil
}
