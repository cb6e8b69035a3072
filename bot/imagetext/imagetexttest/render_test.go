package imagetexttest

import (
	"image/color"
	"os"
	"path/filepath"
	"testing"
)

func TestRenderDrawsBubblesInTheStylesColours(t *testing.T) {
	if err := Available(); err != nil {
		missing(t, err)
	}
	c := Samples[0].Chat
	c.Replies = []string{"好的"}
	for _, s := range Styles {
		img, err := Render(s, c)
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		if got := img.Bounds().Dx(); got != Width {
			t.Errorf("%s: width %d, want %d", s.Name, got, Width)
		}
		seen := map[color.RGBA]int{}
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y += 4 {
			for x := b.Min.X; x < b.Max.X; x += 4 {
				r, g, bl, a := img.At(x, y).RGBA()
				seen[color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), uint8(a >> 8)}]++
			}
		}
		for _, want := range []color.RGBA{s.Page, s.In, s.Out, s.InText} {
			if seen[want] == 0 {
				t.Errorf("%s: no pixel of colour %v", s.Name, want)
			}
		}
		if d := os.Getenv("SHOTS_DIR"); d != "" {
			// For looking at them: SHOTS_DIR=/tmp/shots go test ./bot/imagetext/imagetexttest
			_ = os.WriteFile(filepath.Join(d, s.Name+".png"), PNG(img), 0o644)
			_ = os.WriteFile(filepath.Join(d, s.Name+"-half.jpg"), HalfJPEG(img), 0o644)
		}
	}
}

func TestRecall(t *testing.T) {
	for _, tc := range []struct {
		want, got string
		recall    float64
	}{
		{"安全账户", "安全账户", 1},
		{"安全账户", "安 全 账", 0.75},
		{"Pay Now", "pay now", 1},
		{"abcd", "xbxd", 0.5},
		{"abc", "", 0},
		{"", "anything", 1},
	} {
		if got := Recall(tc.want, "", tc.got); got != tc.recall {
			t.Errorf("Recall(%q, %q): got %v, want %v", tc.want, tc.got, got, tc.recall)
		}
	}
	// Either spelling of a character counts when an alternative is given.
	for _, tc := range []struct {
		want, alt, got string
		recall         float64
	}{
		{"清關費", "清关费", "清关費", 1},
		{"清關費", "清关费", "清X费", 2.0 / 3},
		{"清關費", "short", "清关费", 1.0 / 3},
	} {
		if got := Recall(tc.want, tc.alt, tc.got); got != tc.recall {
			t.Errorf("Recall(%q, %q): got %v, want %v", tc.want, tc.got, got, tc.recall)
		}
	}
}
