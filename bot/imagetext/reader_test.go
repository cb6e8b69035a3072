package imagetext_test

import (
	"context"
	"errors"
	"image"
	"image/draw"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"github.com/scamcheck/scamcheck/bot/imagetext"
	"github.com/scamcheck/scamcheck/bot/imagetext/imagetexttest"
)

func TestQueueLimitAndBudget(t *testing.T) {
	shot := imagetexttest.MustRender(t, imagetexttest.WeChatWhite, imagetexttest.Samples[0].Chat)
	t.Run("full queue", func(t *testing.T) {
		r := imagetexttest.Reader(t, imagetext.Options{Workers: 1, Queue: -1, Budget: time.Minute})
		var wg sync.WaitGroup
		errs := make([]error, 4)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = r.Read(context.Background(), shot)
			}()
		}
		wg.Wait()
		busy, ok := 0, 0
		for _, err := range errs {
			switch {
			case err == nil:
				ok++
			case errors.Is(err, imagetext.ErrBusy):
				busy++
			default:
				t.Errorf("Read: %v", err)
			}
		}
		if ok == 0 || busy == 0 {
			t.Errorf("4 images at once with one worker and no queue: %d read, %d refused; want some of each", ok, busy)
		}
	})
	t.Run("budget", func(t *testing.T) {
		r := imagetexttest.Reader(t, imagetext.Options{Budget: 50 * time.Millisecond})
		_, err := r.Read(context.Background(), shot)
		if !errors.Is(err, imagetext.ErrTimeout) {
			t.Errorf("Read with a 50ms budget: got %v, want ErrTimeout", err)
		}
	})
}

func TestQRCodeLinkIsRead(t *testing.T) {
	r := imagetexttest.Reader(t, imagetext.Options{Budget: time.Minute})
	const link = "https://refund-portal.example.top/claim?id=8812"
	img, err := imagetexttest.Render(imagetexttest.WeChatWhite, imagetexttest.Chat{Title: "客服", Messages: []string{"扫码领取退款，今天有效"}})
	if err != nil {
		t.Fatal(err)
	}
	m, err := qrcode.NewQRCodeWriter().Encode(link, gozxing.BarcodeFormat_QR_CODE, 300, 300, nil)
	if err != nil {
		t.Fatal(err)
	}
	canvas := image.NewRGBA(img.Bounds())
	draw.Draw(canvas, canvas.Bounds(), img, image.Point{}, draw.Src)
	b := img.Bounds()
	at := image.Pt((b.Dx()-300)/2, b.Dy()-480)
	draw.Draw(canvas, image.Rectangle{Min: at, Max: at.Add(image.Pt(300, 300))}, m, image.Point{}, draw.Src)
	res, err := r.Read(context.Background(), imagetexttest.PNG(canvas))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Links) != 1 || res.Links[0] != link {
		t.Errorf("links: got %q, want [%q]", res.Links, link)
	}
	if !strings.Contains(res.Text, "退款") {
		t.Errorf("text: got %q, want the bubble's words too", res.Text)
	}
}

// TestReadsTraditionalScreenshots: Traditional Chinese in the full-size
// styles that Simplified Chinese alone read worst (0.84–0.87 of their
// characters) is read at 90% or more, and the genuine message in dark
// mode, which read 0.78 while the dark-mode inversion left black strips
// beside its text.
func TestReadsTraditionalScreenshots(t *testing.T) {
	r := imagetexttest.Reader(t, imagetext.Options{Budget: 2 * time.Minute})
	samples := map[string]imagetexttest.Sample{}
	for _, s := range imagetexttest.Samples {
		samples[s.Name] = s
	}
	for _, tc := range []struct {
		sample string
		style  imagetexttest.Style
	}{
		{"zh-hant-courier-scam", imagetexttest.WeChatGreen},
		{"zh-hant-courier-scam", imagetexttest.Dark},
		{"zh-hant-courier-scam", imagetexttest.WhiteOnBlue},
		{"zh-hant-family-genuine", imagetexttest.WeChatGreen},
		{"zh-hant-family-genuine", imagetexttest.Dark},
		{"zh-hant-family-genuine", imagetexttest.WhiteOnBlue},
	} {
		s := samples[tc.sample]
		t.Run(tc.sample+"/"+tc.style.Name, func(t *testing.T) {
			res, err := r.Read(context.Background(), imagetexttest.MustRender(t, tc.style, s.Chat))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if got := imagetexttest.Recall(s.Chat.Want(), s.Simplified, res.Text); got < 0.90 {
				t.Errorf("character recall %.3f, want >= 0.90", got)
			}
		})
	}
}
