package imagetext_test

import (
	"image"
	"testing"

	"github.com/scamcheck/scamcheck/bot/imagetext"
	"github.com/scamcheck/scamcheck/bot/imagetext/imagetexttest"
)

// TestPreparedHasNoDarkAreas: the image Tesseract gets is dark ink on a
// light ground in every style, with no dark area wider than a stroke.
// Dark-mode pages left dark between inverted blocks, and a bubble's edge
// blocks in the page's polarity, stood as black rectangles beside the
// text and were read as characters (the genuine Traditional message in
// dark mode read 0.78 of its characters).
func TestPreparedHasNoDarkAreas(t *testing.T) {
	const side = 16 // a stroke of the 44-pixel font is 4–5 pixels wide
	for _, s := range imagetexttest.Samples {
		for _, st := range imagetexttest.Styles {
			img, err := imagetext.Decode(imagetexttest.MustRender(t, st, s.Chat))
			if err != nil {
				t.Fatalf("decode %s %s: %v", s.Name, st.Name, err)
			}
			half, err := imagetext.Decode(imagetexttest.HalfJPEG(img))
			if err != nil {
				t.Fatalf("decode %s %s half: %v", s.Name, st.Name, err)
			}
			for name, im := range map[string]image.Image{st.Name: img, st.Name + "-half": half} {
				if at, ok := darkSquare(imagetext.Prepare(im), side); ok {
					t.Errorf("%s %s: prepared image is darker than mid grey in the %d×%d square at %v, want no dark area but strokes", s.Name, name, side, side, at)
				}
			}
		}
	}
}

// darkSquare finds a side×side square of g (on a grid of side/2) whose
// pixels are all darker than mid grey.
func darkSquare(g *image.Gray, side int) (image.Point, bool) {
	b := g.Bounds()
	for y := b.Min.Y; y+side <= b.Max.Y; y += side / 2 {
		for x := b.Min.X; x+side <= b.Max.X; x += side / 2 {
			if allDark(g, image.Rect(x, y, x+side, y+side)) {
				return image.Pt(x, y), true
			}
		}
	}
	return image.Point{}, false
}

func allDark(g *image.Gray, r image.Rectangle) bool {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if g.GrayAt(x, y).Y >= 128 {
				return false
			}
		}
	}
	return true
}
