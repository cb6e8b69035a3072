package imagetext_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"

	"github.com/scamcheck/scamcheck/bot/imagetext"
)

func smallImage() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	img.Set(3, 3, color.White)
	return img
}

func encoded(t testing.TB) (pngData, jpegData []byte) {
	var p, j bytes.Buffer
	if err := png.Encode(&p, smallImage()); err != nil {
		t.Fatal(err)
	}
	if err := jpeg.Encode(&j, smallImage(), nil); err != nil {
		t.Fatal(err)
	}
	return p.Bytes(), j.Bytes()
}

// pngHeader is a PNG that claims w×h pixels and holds none.
func pngHeader(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 6 // 8-bit RGBA
	_ = binary.Write(&b, binary.BigEndian, uint32(len(ihdr)))
	chunk := append([]byte("IHDR"), ihdr...)
	b.Write(chunk)
	_ = binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

func TestDecodeRefusesWhatIsNoScreenshot(t *testing.T) {
	p, j := encoded(t)
	gif := []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;")
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"png", p, nil},
		{"jpeg", j, nil},
		{"empty", nil, imagetext.ErrNotImage},
		{"text", []byte("hello, is this a scam?"), imagetext.ErrNotImage},
		{"gif", gif, imagetext.ErrNotImage},
		{"truncated png", p[:len(p)/2], imagetext.ErrNotImage},
		{"truncated jpeg", j[:len(j)/2], imagetext.ErrNotImage},
		{"header of a bomb", pngHeader(100_000, 100_000), imagetext.ErrTooLarge},
		{"zero size", pngHeader(0, 10), imagetext.ErrNotImage},
		{"webp header only", []byte("RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00"), imagetext.ErrNotImage},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := imagetext.Decode(tc.data)
			if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
				t.Errorf("Decode: got error %v, want %v", err, tc.want)
			}
		})
	}
}

// FuzzDecode feeds damaged and truncated files to the image intake: it
// returns an image or an error, never panics, and never hands on an
// image over MaxPixels.
func FuzzDecode(f *testing.F) {
	p, j := encoded(f)
	f.Add(p)
	f.Add(j)
	f.Add(p[:len(p)-7])
	f.Add(j[:len(j)/3])
	f.Add(pngHeader(6000, 5000))
	f.Add([]byte("RIFF\x24\x00\x00\x00WEBPVP8L\x0a\x00\x00\x00\x2f\x00\x00\x00\x10"))
	f.Fuzz(func(t *testing.T, data []byte) {
		img, err := imagetext.Decode(data)
		if err != nil {
			if !errors.Is(err, imagetext.ErrNotImage) && !errors.Is(err, imagetext.ErrTooLarge) {
				t.Errorf("error %v wraps neither ErrNotImage nor ErrTooLarge", err)
			}
			return
		}
		b := img.Bounds()
		if int64(b.Dx())*int64(b.Dy()) > imagetext.MaxPixels {
			t.Errorf("decoded %v, over MaxPixels", b)
		}
		// Neither may what follows decoding.
		imagetext.QRCodes(img)
		imagetext.Prepare(img)
	})
}
