package bot

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/scamcheck/scamcheck/bot/imagetext"
	"github.com/scamcheck/scamcheck/bot/imagetext/imagetexttest"
	"github.com/scamcheck/scamcheck/bot/store"
	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/locales"
)

func imageUpdate(fetch func(context.Context, int64) ([]byte, error)) Update {
	return Update{Kind: KindImage, File: &Attachment{Fetch: fetch}}
}

func TestImagesCountAgainstTheCheckLimit(t *testing.T) {
	e, _ := newLimitedEngine(t, store.NewMemory(), &Limits{PerMinute: 1})
	p := &person{t: t, e: e, id: "41000", lang: "en"}
	noFetch := func(context.Context, int64) ([]byte, error) {
		t.Error("the image was downloaded by a bot that cannot read it")
		return nil, errors.New("unexpected")
	}
	// Without OCR the image is answered, and still counted.
	if got := joined(p.send(imageUpdate(noFetch))); !strings.HasPrefix(got, prefixOf(t, "en", "image.issue.no_ocr")) {
		t.Errorf("first image: got %q, want the no-OCR answer", got)
	}
	if got := joined(p.send(imageUpdate(noFetch))); !strings.Contains(got, prefixOf(t, "en", "limits.minute")) {
		t.Errorf("a second image in the same minute: got %q, want the limit reply", got)
	}
	// The refusal is told once per wait (TestARefusalIsToldOncePerWait):
	// a text in the same wait is refused without another reply.
	if got := joined(p.send(Update{Kind: KindText, Text: scam})); got != "" {
		t.Errorf("a text after a refused image in the same wait: got %q, want no reply", got)
	}
}

func TestImageDownloadFailuresAreAnswered(t *testing.T) {
	reader := imagetexttest.Reader(t, imagetext.Options{Budget: time.Minute})
	rules, err := classifier.New()
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(Options{Store: store.NewMemory(), Checker: RulesChecker{Rules: rules}, Catalog: locales.MustLoad(),
		Secret: []byte(secret), Images: reader, MaxImageBytes: 1000})
	if err != nil {
		t.Fatal(err)
	}
	p := &person{t: t, e: e, id: "41001", lang: "en"}
	for _, tc := range []struct {
		name  string
		fetch func(context.Context, int64) ([]byte, error)
		key   string
	}{
		{"too big", func(context.Context, int64) ([]byte, error) { return nil, ErrFileTooBig }, "image.issue.too_big"},
		{"network", func(context.Context, int64) ([]byte, error) { return nil, errors.New("connection reset") }, "image.issue.fetch_failed"},
		{"limit passed on", func(_ context.Context, limit int64) ([]byte, error) {
			if limit != 1000 {
				t.Errorf("download limit: got %d, want MaxImageBytes 1000", limit)
			}
			return []byte("not an image"), nil
		}, "image.issue.not_image"},
	} {
		if got := joined(p.send(imageUpdate(tc.fetch))); !strings.HasPrefix(got, prefixOf(t, "en", tc.key)) {
			t.Errorf("%s: got %q, want %s", tc.name, got, tc.key)
		}
	}
	// An announced size over the limit is not downloaded at all.
	big := Update{Kind: KindImage, File: &Attachment{Size: 5000, Fetch: func(context.Context, int64) ([]byte, error) {
		t.Error("a file announced over the limit was downloaded")
		return nil, nil
	}}}
	if got := joined(p.send(big)); !strings.HasPrefix(got, prefixOf(t, "en", "image.issue.too_big")) {
		t.Errorf("announced too big: got %q", got)
	}
}
