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
	if t.invertDark {
		invertLightText(gray)
	}
	return gray
}

// invertBlock is the side of the square blocks whose polarity is decided
// together; each decision looks at the 3×3 blocks around it, about a line
// of chat text high.
const invertBlock = 32

// invertLightText turns light text on a darker ground (dark mode, white
// on a blue or green bubble) into dark text on light, block by block:
// Tesseract's thresholding expects dark ink, and light text in a bubble
// came out as a solid block. A block is inverted when, around it, the
// pixels that differ clearly from the typical one (the ground) are mostly
// brighter than it and the ground is darker than mid grey, or when the
// ground is dark and nothing around it differs clearly from it.
func invertLightText(g *image.Gray) {
	b := g.Bounds()
	bw, bh := (b.Dx()+invertBlock-1)/invertBlock, (b.Dy()+invertBlock-1)/invertBlock
	// Per block: a histogram of 16 bins.
	hist := make([][16]int, bw*bh)
	for y := 0; y < b.Dy(); y++ {
		row := g.Pix[y*g.Stride : y*g.Stride+b.Dx()]
		by := y / invertBlock
		for x, p := range row {
			hist[by*bw+x/invertBlock][p>>4]++
		}
	}
	invert := make([]bool, bw*bh)
	for by := 0; by < bh; by++ {
		for bx := 0; bx < bw; bx++ {
			var h [16]int
			n := 0
			for y := max(by-1, 0); y <= min(by+1, bh-1); y++ {
				for x := max(bx-1, 0); x <= min(bx+1, bw-1); x++ {
					for i, c := range hist[y*bw+x] {
						h[i] += c
						n += c
					}
				}
			}
			ground, acc := 0, 0
			for i, c := range h {
				acc += c
				if 2*acc >= n {
					ground = i
					break
				}
			}
			bright, dark := 0, 0
			for i, c := range h {
				switch {
				case i >= ground+3:
					bright += c
				case i <= ground-3:
					dark += c
				}
			}
			// Only a ground darker than mid grey is taken for one behind
			// light text: a lighter ground with lighter pixels around it is
			// an avatar or an icon on the white page, and inverting parts
			// of it made shapes that read as characters.
			lightText := ground <= 9 && bright > 2*dark && bright*50 > n
			// A dark ground with no text around it (the end of a short
			// line in a dark-mode bubble, the page between bubbles) is
			// turned light too: left dark, it stood as a black rectangle
			// beside the inverted text and was read as characters.
			plainDark := ground <= 7 && bright*50 <= n && dark*50 <= n
			invert[by*bw+bx] = lightText || plainDark
		}
	}
	for y := 0; y < b.Dy(); y++ {
		row := g.Pix[y*g.Stride : y*g.Stride+b.Dx()]
		by := y / invertBlock
		for x := range row {
			if invert[by*bw+x/invertBlock] {
				row[x] = 255 - row[x]
			}
		}
	}
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

// blankOut returns img with r painted in the colour of its top-left
// corner (the page behind a QR code).
func blankOut(img image.Image, r image.Rectangle) image.Image {
	b := img.Bounds()
	out := image.NewRGBA(b)
	draw.Draw(out, b, img, b.Min, draw.Src)
	bg := img.At(max(r.Min.X-2, b.Min.X), max(r.Min.Y-2, b.Min.Y))
	draw.Draw(out, r, image.NewUniform(bg), image.Point{}, draw.Src)
	return out
}
