package imagetext

import (
	"image"
	"slices"
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
// on a blue or green bubble) into dark text on white, block by block:
// Tesseract's thresholding expects dark ink, and light text in a bubble
// came out as a solid block. A block is inverted when, around it, the
// pixels that differ clearly from the typical one (the ground) are mostly
// brighter than it and the ground is darker than mid grey, or when the
// ground is dark and nothing around it differs clearly from it. The page
// (see pageMask) is inverted or not as a whole, and a block inside a
// bubble is decided by the bubble alone, so that the line between the
// two polarities is the bubble's edge, not a block's; then every light
// ground is stretched to white.
func invertLightText(g *image.Gray) {
	b := g.Bounds()
	page, pageGround := pageMask(g)
	bw, bh := (b.Dx()+invertBlock-1)/invertBlock, (b.Dy()+invertBlock-1)/invertBlock
	// Per block: a histogram of all pixels, and one of the pixels off the
	// page.
	all := make([]histogram, bw*bh)
	off := make([]histogram, bw*bh)
	for y := 0; y < b.Dy(); y++ {
		row := g.Pix[y*g.Stride : y*g.Stride+b.Dx()]
		by := y / invertBlock
		for x, p := range row {
			i := by*bw + x/invertBlock
			all[i].add(p)
			if !page[y*b.Dx()+x] {
				off[i].add(p)
			}
		}
	}
	decided := make([]polarity, bw*bh)
	// offShare is the number of pixels off the page around a block, in
	// 1/8 of all pixels around it.
	offShare := make([]int, bw*bh)
	for by := 0; by < bh; by++ {
		for bx := 0; bx < bw; bx++ {
			var h, ho histogram
			for y := max(by-1, 0); y <= min(by+1, bh-1); y++ {
				for x := max(bx-1, 0); x <= min(bx+1, bw-1); x++ {
					h.merge(all[y*bw+x])
					ho.merge(off[y*bw+x])
				}
			}
			offShare[by*bw+bx] = 8 * ho.total / h.total
			// Mostly off the page (inside a bubble): the bubble alone
			// decides. Counting the page around a bubble made its edge
			// blocks decide for the page, and half of such a block came
			// out in the wrong polarity, a black strip beside the text.
			if 2*ho.total > h.total {
				h = ho
			}
			decided[by*bw+bx] = h.polarity()
		}
	}
	// A block at a bubble's edge or corner is mostly page around, but
	// what it holds off the page is the bubble and perhaps the start of
	// its text: it follows the neighbour most inside the bubble.
	// Deciding for the page turned a bubble's corner to the other
	// polarity, with the first characters of its first line in it.
	edge := slices.Clone(decided)
	for by := 0; by < bh; by++ {
		for bx := 0; bx < bw; bx++ {
			if s := offShare[by*bw+bx]; s < 1 || s >= 4 {
				continue
			}
			best := 3
			for y := max(by-1, 0); y <= min(by+1, bh-1); y++ {
				for x := max(bx-1, 0); x <= min(bx+1, bw-1); x++ {
					if offShare[y*bw+x] > best {
						best = offShare[y*bw+x]
						edge[by*bw+bx] = decided[y*bw+x]
					}
				}
			}
		}
	}
	decided = edge
	pagePol := polarity{invert: pageGround < 128, ground: pageGround}
	for y := 0; y < b.Dy(); y++ {
		row := g.Pix[y*g.Stride : y*g.Stride+b.Dx()]
		by := y / invertBlock
		for x, p := range row {
			pol := decided[by*bw+x/invertBlock]
			if page[y*b.Dx()+x] {
				pol = pagePol
			}
			row[x] = pol.apply(p)
		}
	}
}

// histogram counts grey levels in 16 bins, with their sums.
type histogram struct {
	n, sum [16]int
	total  int
}

func (h *histogram) add(p uint8) {
	h.n[p>>4]++
	h.sum[p>>4] += int(p)
	h.total++
}

func (h *histogram) merge(o histogram) {
	for i := range h.n {
		h.n[i] += o.n[i]
		h.sum[i] += o.sum[i]
	}
	h.total += o.total
}

// polarity is what becomes of a block: inverted or not, and the grey
// level of its ground.
type polarity struct {
	invert bool
	ground uint8
}

// apply turns p to dark ink on a white ground: inverted if so decided,
// then stretched so that a light ground becomes white. An inverted
// mid-tone bubble (white on green, 0x34C759, became 0x71) was otherwise a
// darker box on the white page, and Tesseract's local thresholding,
// whose window takes in the page, made its edges and then whole lines
// black.
func (pol polarity) apply(p uint8) uint8 {
	v, g := int(p), int(pol.ground)
	if pol.invert {
		v, g = 255-v, 255-g
	}
	// A ground still dark (a decision gone wrong) is left as it is:
	// stretched, its noise would become strokes.
	if g >= 96 {
		v = min(255, v*255/g)
	}
	return uint8(v)
}

// polarity decides, from the pixels around a block, whether the block
// holds light text on a darker ground, and what the ground is.
func (h *histogram) polarity() polarity {
	ground, acc := 0, 0
	for i, c := range h.n {
		acc += c
		if 2*acc >= h.total {
			ground = i
			break
		}
	}
	bright, dark := 0, 0
	for i, c := range h.n {
		switch {
		case i >= ground+3:
			bright += c
		case i <= ground-3:
			dark += c
		}
	}
	n := h.total
	// Only a ground darker than mid grey is taken for one behind light
	// text: a lighter ground with lighter pixels around it is an avatar
	// or an icon on the white page, and inverting parts of it made shapes
	// that read as characters.
	lightText := ground <= 9 && bright > 2*dark && bright*50 > n
	// A dark ground with no text around it (the end of a short line in a
	// dark-mode bubble, the page between bubbles) is turned light too:
	// left dark, it stood as a black rectangle beside the inverted text
	// and was read as characters.
	plainDark := ground <= 7 && bright*50 <= n && dark*50 <= n
	level := 0
	if h.n[ground] > 0 {
		level = h.sum[ground] / h.n[ground]
	}
	return polarity{invert: lightText || plainDark, ground: uint8(level)}
}

// pageTolerance is how far (in grey levels) a pixel of the page may be
// from the page's typical one: the title bar of a dark page (0x1E on
// 0x11) and JPEG noise are page, a dark-mode bubble (0x2C) is not.
const pageTolerance = 16

// pageMask marks the page: the pixels within pageTolerance of the
// typical pixel of the left and right edges, reached from those edges
// without crossing anything else, so that text and bubbles drawn on the
// page are not part of it; ground is that typical pixel. The page is
// turned light or left as a whole, whatever the blocks it crosses decide.
func pageMask(g *image.Gray) (page []bool, ground uint8) {
	b := g.Bounds()
	w, h := b.Dx(), b.Dy()
	page = make([]bool, w*h)
	if w == 0 || h == 0 {
		return page, 255
	}
	var edge [256]int
	for y := 0; y < h; y++ {
		edge[g.Pix[y*g.Stride]]++
		edge[g.Pix[y*g.Stride+w-1]]++
	}
	seed, acc := 0, 0
	for v, c := range edge {
		acc += c
		if acc >= h {
			seed = v
			break
		}
	}
	near := func(i int) bool {
		d := int(g.Pix[i/w*g.Stride+i%w]) - seed
		return d >= -pageTolerance && d <= pageTolerance
	}
	// A scanline fill: the stack holds one pixel per run of page pixels
	// still to be filled, not one per pixel, so that a large screenshot
	// does not cost a stack as large as itself.
	var stack []int32
	for y := 0; y < h; y++ {
		stack = append(stack, int32(y*w), int32(y*w+w-1))
	}
	for len(stack) > 0 {
		i := int(stack[len(stack)-1])
		stack = stack[:len(stack)-1]
		if page[i] || !near(i) {
			continue
		}
		y, l, r := i/w, i, i
		for l > y*w && !page[l-1] && near(l-1) {
			l--
		}
		for r < y*w+w-1 && !page[r+1] && near(r+1) {
			r++
		}
		for j := l; j <= r; j++ {
			page[j] = true
		}
		for _, row := range []int{-w, w} {
			if l+row < 0 || l+row >= w*h {
				continue
			}
			// One seed per run of fillable pixels beside the span.
			inRun := false
			for j := l + row; j <= r+row; j++ {
				fill := !page[j] && near(j)
				if fill && !inRun {
					stack = append(stack, int32(j))
				}
				inRun = fill
			}
		}
	}
	return page, uint8(seed)
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
