package imagetext

import (
	"image"
	"strconv"

	"golang.org/x/image/draw"
)

// prepare makes the grey image Tesseract reads: the status bar cut off,
// dark mode turned light, small screenshots scaled up.
func prepare(img image.Image, t tuning) *image.Gray {
	b := img.Bounds()
	if t.cropStatus && b.Dy() > b.Dx() {
		// A phone's status bar is about 7% of the screen's width tall
		// (72 of 1080 pixels; 47 of 750 on older iPhones).
		b.Min.Y += b.Dx() * 7 / 100
	}
	scale := 1.0
	if t.minWidth > 0 && b.Dx() < t.minWidth {
		scale = min(float64(t.minWidth)/float64(b.Dx()), 2)
	}
	w, h := int(float64(b.Dx())*scale), int(float64(b.Dy())*scale)
	gray := image.NewGray(image.Rect(0, 0, w, h))
	if scale == 1 {
		draw.Draw(gray, gray.Bounds(), img, b.Min, draw.Src)
	} else {
		draw.CatmullRom.Scale(gray, gray.Bounds(), img, b, draw.Src, nil)
	}
	if t.invertDark && meanLuma(gray) < 110 {
		for i, p := range gray.Pix {
			gray.Pix[i] = 255 - p
		}
	}
	return gray
}

// meanLuma is the average brightness, 0-255: under about 110 the page is
// dark and its text light.
func meanLuma(g *image.Gray) int {
	if len(g.Pix) == 0 {
		return 255
	}
	var sum uint64
	for _, p := range g.Pix {
		sum += uint64(p)
	}
	return int(sum / uint64(len(g.Pix)))
}

// pgm encodes g as binary PGM: the simplest format Tesseract's image
// library reads, with nothing to compress.
func pgm(g *image.Gray) []byte {
	b := g.Bounds()
	head := []byte("P5\n" + strconv.Itoa(b.Dx()) + " " + strconv.Itoa(b.Dy()) + "\n255\n")
	out := make([]byte, 0, len(head)+b.Dx()*b.Dy())
	out = append(out, head...)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		i := g.PixOffset(b.Min.X, y)
		out = append(out, g.Pix[i:i+b.Dx()]...)
	}
	return out
}
