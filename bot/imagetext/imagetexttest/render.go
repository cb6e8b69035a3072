// Package imagetexttest renders phone screenshots for tests and
// benchmarks: chat bubbles in the styles people forward (WeChat's white
// and green, an SMS app, dark mode, white on blue), drawn at test time
// from the test's own sentences with Debian's Noto CJK font, so that what
// the OCR should read is known exactly.
package imagetexttest

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// FontPath is where Debian's fonts-noto-cjk puts the font the screenshots
// are drawn with.
const FontPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"

// ErrNoFont means the CJK font is not installed (apt-get install
// fonts-noto-cjk).
var ErrNoFont = errors.New("imagetexttest: " + FontPath + " missing (apt-get install fonts-noto-cjk)")

// Style is the look of a screenshot.
type Style struct {
	Name string
	// Background of the chat, of the title bar, and the text colour of
	// the status and title bars.
	Page, Bar, BarText color.RGBA
	// In and Out are the bubbles of received and sent messages, with
	// their text colours.
	In, InText, Out, OutText color.RGBA
}

// The styles measured; Styles lists them.
var (
	WeChatWhite = Style{Name: "wechat-white",
		Page: rgb(0xED, 0xED, 0xED), Bar: rgb(0xED, 0xED, 0xED), BarText: rgb(0x11, 0x11, 0x11),
		In: rgb(0xFF, 0xFF, 0xFF), InText: rgb(0x11, 0x11, 0x11), Out: rgb(0x95, 0xEC, 0x69), OutText: rgb(0x11, 0x11, 0x11)}
	// WeChatGreen draws the message in the sent (green) bubble, as when
	// someone screenshots what they themselves forwarded.
	WeChatGreen = WeChatWhite.swapBubbles("wechat-green")
	SMS         = Style{Name: "sms",
		Page: rgb(0xFF, 0xFF, 0xFF), Bar: rgb(0xF6, 0xF6, 0xF6), BarText: rgb(0x00, 0x00, 0x00),
		In: rgb(0xE9, 0xE9, 0xEB), InText: rgb(0x00, 0x00, 0x00), Out: rgb(0x34, 0xC7, 0x59), OutText: rgb(0xFF, 0xFF, 0xFF)}
	Dark = Style{Name: "dark",
		Page: rgb(0x11, 0x11, 0x11), Bar: rgb(0x1E, 0x1E, 0x1E), BarText: rgb(0xD0, 0xD0, 0xD0),
		In: rgb(0x2C, 0x2C, 0x2C), InText: rgb(0xD5, 0xD5, 0xD5), Out: rgb(0x3E, 0xB5, 0x75), OutText: rgb(0x10, 0x10, 0x10)}
	WhiteOnBlue = Style{Name: "white-on-blue",
		Page: rgb(0xFF, 0xFF, 0xFF), Bar: rgb(0xF6, 0xF6, 0xF6), BarText: rgb(0x00, 0x00, 0x00),
		In: rgb(0x0B, 0x84, 0xFF), InText: rgb(0xFF, 0xFF, 0xFF), Out: rgb(0xE9, 0xE9, 0xEB), OutText: rgb(0x00, 0x00, 0x00)}
)

// swapBubbles is s with the received and sent bubbles' colours swapped.
func (s Style) swapBubbles(name string) Style {
	s.Name = name
	s.In, s.InText, s.Out, s.OutText = s.Out, s.OutText, s.In, s.InText
	return s
}

// Styles are the looks every measurement covers.
var Styles = []Style{WeChatWhite, WeChatGreen, SMS, Dark, WhiteOnBlue}

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 0xFF} }

// Screen is a rendered screenshot's geometry: a phone screen 1080 pixels
// wide, as most Android phones and WeChat's own screenshots are.
const (
	Width    = 1080
	fontSize = 44
	lineGap  = 16
	pad      = 28 // inside a bubble
	margin   = 40 // page edge to avatar
	avatar   = 96
)

var (
	fontOnce sync.Once
	faces    map[string]font.Face // "sc", "tc"
	fontErr  error
)

func loadFaces() error {
	fontOnce.Do(func() {
		b, err := os.ReadFile(FontPath)
		if err != nil {
			fontErr = fmt.Errorf("%w: %w", ErrNoFont, err)
			return
		}
		c, err := opentype.ParseCollection(b)
		if err != nil {
			fontErr = fmt.Errorf("imagetexttest: parse %s: %w", FontPath, err)
			return
		}
		faces = map[string]font.Face{}
		for i := range c.NumFonts() {
			f, err := c.Font(i)
			if err != nil {
				continue
			}
			name, _ := f.Name(nil, sfnt.NameIDFamily)
			key := map[string]string{"Noto Sans CJK SC": "sc", "Noto Sans CJK TC": "tc"}[name]
			if key == "" {
				continue
			}
			face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: fontSize, DPI: 72, Hinting: font.HintingFull})
			if err != nil {
				fontErr = fmt.Errorf("imagetexttest: face %s: %w", name, err)
				return
			}
			faces[key] = face
		}
		if faces["sc"] == nil || faces["tc"] == nil {
			fontErr = fmt.Errorf("imagetexttest: %s lacks the SC or TC face", FontPath)
		}
	})
	return fontErr
}

// Available reports whether screenshots can be rendered here.
func Available() error { return loadFaces() }

// Chat is one screenshot's content.
type Chat struct {
	// Title is the contact's name in the title bar.
	Title string
	// Messages are drawn top to bottom in received bubbles; Replies (if
	// any) follow in sent bubbles.
	Messages, Replies []string
	// Traditional draws with the TC face (the glyphs of Taiwan and Hong
	// Kong); the SC face otherwise.
	Traditional bool
}

// Render draws c as a screenshot in style s. Its status bar, title and
// bubbles are laid out as a phone draws them.
func Render(s Style, c Chat) (image.Image, error) {
	if err := loadFaces(); err != nil {
		return nil, err
	}
	face := faces["sc"]
	if c.Traditional {
		face = faces["tc"]
	}
	maxText := Width - 2*(margin+avatar+24) - 2*pad - 40
	type bubble struct {
		lines []string
		out   bool
	}
	var bubbles []bubble
	for _, m := range c.Messages {
		bubbles = append(bubbles, bubble{lines: wrap(face, m, maxText)})
	}
	for _, m := range c.Replies {
		bubbles = append(bubbles, bubble{lines: wrap(face, m, maxText), out: true})
	}
	lineH := fontSize + lineGap
	statusH, titleH := 72, 120
	h := statusH + titleH + 40
	for _, b := range bubbles {
		h += len(b.lines)*lineH - lineGap + 2*pad + 36
	}
	h += 160 // the input bar
	// A screenshot is the whole screen, at least 16:9, however short the
	// chat.
	h = max(h, Width*16/9)
	img := image.NewRGBA(image.Rect(0, 0, Width, h))
	fill(img, img.Bounds(), s.Page)
	fill(img, image.Rect(0, 0, Width, statusH+titleH), s.Bar)
	text(img, face, s.BarText, margin, 52, "9:41")
	text(img, face, s.BarText, Width-margin-textWidth(face, "87%"), 52, "87%")
	text(img, face, s.BarText, (Width-textWidth(face, c.Title))/2, statusH+80, c.Title)
	y := statusH + titleH + 40
	for _, b := range bubbles {
		w := 0
		for _, l := range b.lines {
			w = max(w, textWidth(face, l))
		}
		bh := len(b.lines)*lineH - lineGap + 2*pad
		bg, fg := s.In, s.InText
		ax, bx := margin, margin+avatar+24
		if b.out {
			bg, fg = s.Out, s.OutText
			ax = Width - margin - avatar
			bx = ax - 24 - (w + 2*pad)
		}
		fill(img, image.Rect(ax, y, ax+avatar, y+avatar), rgb(0x9A, 0xA5, 0xB5))
		roundRect(img, image.Rect(bx, y, bx+w+2*pad, y+bh), 14, bg)
		for i, l := range b.lines {
			text(img, face, fg, bx+pad, y+pad+i*lineH+fontSize-6, l)
		}
		y += bh + 36
	}
	fill(img, image.Rect(0, h-140, Width, h), s.Bar)
	roundRect(img, image.Rect(margin+90, h-116, Width-margin-200, h-36), 10, s.Page)
	return img, nil
}

// Want is the text a perfect reading of c's bubbles gives (the bars are
// not counted: a reading that misses "9:41" lost nothing that matters).
func (c Chat) Want() string {
	return strings.Join(append(append([]string{}, c.Messages...), c.Replies...), "\n")
}

// wrap breaks text into lines at most width pixels wide: between words in
// Latin text, anywhere between Han characters.
func wrap(face font.Face, text string, width int) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, tok := range tokens(para) {
			cand := line + tok
			if line != "" && textWidth(face, cand) > width {
				lines = append(lines, strings.TrimRight(line, " "))
				line = strings.TrimLeft(tok, " ")
				continue
			}
			line = cand
		}
		lines = append(lines, strings.TrimRight(line, " "))
	}
	return lines
}

// tokens splits text into what a line may not break inside: runs of
// Latin letters and digits with their trailing space, single other runes.
func tokens(s string) []string {
	var out []string
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		if r < 0x2E80 && !unicode.IsSpace(r) {
			i := 0
			for i < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[i:])
				if r2 >= 0x2E80 || unicode.IsSpace(r2) {
					break
				}
				i += n2
			}
			for i < len(s) && s[i] == ' ' {
				i++
			}
			out, s = append(out, s[:i]), s[i:]
			continue
		}
		out, s = append(out, s[:n]), s[n:]
	}
	return out
}

func textWidth(face font.Face, s string) int { return font.MeasureString(face, s).Ceil() }

func text(img *image.RGBA, face font.Face, c color.RGBA, x, baseline int, s string) {
	d := font.Drawer{Dst: img, Src: image.NewUniform(c), Face: face, Dot: fixed.P(x, baseline)}
	d.DrawString(s)
}

func fill(img *image.RGBA, r image.Rectangle, c color.RGBA) {
	draw.Draw(img, r, image.NewUniform(c), image.Point{}, draw.Src)
}

// roundRect fills r with corners of radius rad.
func roundRect(img *image.RGBA, r image.Rectangle, rad int, c color.RGBA) {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			dx := max(r.Min.X+rad-x, x-(r.Max.X-1-rad), 0)
			dy := max(r.Min.Y+rad-y, y-(r.Max.Y-1-rad), 0)
			if dx*dx+dy*dy <= rad*rad {
				img.SetRGBA(x, y, c)
			}
		}
	}
}

// PNG encodes img as PNG.
func PNG(img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(fmt.Sprintf("imagetexttest: png: %v", err)) // cannot fail writing to memory
	}
	return b.Bytes()
}

// HalfJPEG is img at half its size as a JPEG of quality 70: what a
// screenshot becomes after a chat app compressed it and it was forwarded
// again.
func HalfJPEG(img image.Image) []byte {
	b := img.Bounds()
	half := image.NewRGBA(image.Rect(0, 0, b.Dx()/2, b.Dy()/2))
	draw.CatmullRom.Scale(half, half.Bounds(), img, b, draw.Src, nil)
	var out bytes.Buffer
	if err := jpeg.Encode(&out, half, &jpeg.Options{Quality: 70}); err != nil {
		panic(fmt.Sprintf("imagetexttest: jpeg: %v", err))
	}
	return out.Bytes()
}

// Recall is the share of want's characters (spaces aside, letters case
// folded, full-width forms such as the Chinese comma "，" taken as their
// ASCII twins ",") that got holds in the same order: the longest common
// subsequence over the length of want. 1 for an empty want. alt, if it
// has as many characters as want, is another spelling of it character
// for character (Simplified for Traditional): a character read in either
// form counts.
func Recall(want, alt, got string) float64 {
	w, a, g := comparable(want), comparable(alt), comparable(got)
	if len(w) == 0 {
		return 1
	}
	if len(a) != len(w) {
		a = w
	}
	prev := make([]int, len(g)+1)
	cur := make([]int, len(g)+1)
	for i := 1; i <= len(w); i++ {
		for j := 1; j <= len(g); j++ {
			switch {
			case w[i-1] == g[j-1] || a[i-1] == g[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return float64(prev[len(g)]) / float64(len(w))
}

func comparable(s string) []rune {
	var out []rune
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		// A comma read as "," for "，" is the comma read: Tesseract's
		// Traditional model writes ASCII punctuation, the Simplified one
		// full-width, and the classifier folds both alike (NFKC).
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0
		}
		out = append(out, unicode.ToLower(r))
	}
	return out
}
