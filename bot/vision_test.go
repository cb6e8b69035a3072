package bot

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/scamcheck/scamcheck/bot/imagetext"
	"github.com/scamcheck/scamcheck/bot/store"
	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/locales"
)

// fixedReader "reads" every image as text.
type fixedReader struct{ text string }

func (r fixedReader) Read(context.Context, []byte) (imagetext.Result, error) {
	n := 0
	for _, c := range r.text {
		if c != ' ' {
			n++
		}
	}
	return imagetext.Result{Text: r.text, Chars: n}, nil
}

// levelChecker gives every text the same verdict.
type levelChecker struct{ level classifier.Level }

func (c levelChecker) Check(context.Context, string, string) classifier.Verdict {
	v := classifier.Verdict{Level: c.level, Source: "rules"}
	if c.level > classifier.LevelNone {
		v.Type = classifier.TypeCourier
	}
	return v
}

// fakeJudge answers every image with op (or err) and remembers what it
// was sent.
type fakeJudge struct {
	op  classifier.Opinion
	err error

	mu    sync.Mutex
	calls int
	got   []byte
}

func (j *fakeJudge) JudgeImage(_ context.Context, _ string, image []byte) (classifier.Opinion, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.calls++
	j.got = image
	return j.op, j.err
}

const greyRead = "Your parcel is held at the depot, reply to arrange delivery"

func TestVisionSecondOpinionOnImages(t *testing.T) {
	high := classifier.Opinion{Level: classifier.LevelHigh, Type: classifier.TypeCourier}
	none := classifier.Opinion{Level: classifier.LevelNone}
	tests := []struct {
		name      string
		read      string // what the OCR reads
		rules     classifier.Level
		op        classifier.Opinion
		err       error
		wantCalls int
		wantLevel string // the logged verdict_level
		wantIssue bool   // the unreadable reply
	}{
		{"unreadable, vision high", "ab", classifier.LevelNone, high, nil, 1, "high", false},
		{"unreadable, vision medium", "ab", classifier.LevelNone, classifier.Opinion{Level: classifier.LevelMedium}, nil, 1, "medium", false},
		{"unreadable, vision none", "ab", classifier.LevelNone, none, nil, 1, "none", true},
		{"unreadable, vision low", "ab", classifier.LevelNone, classifier.Opinion{Level: classifier.LevelLow}, nil, 1, "none", true},
		{"unreadable, over budget", "ab", classifier.LevelNone, high, errors.New("over budget"), 1, "none", true},
		{"grey, vision high raises", greyRead, classifier.LevelLow, high, nil, 1, "high", false},
		{"grey, vision none never lowers", greyRead, classifier.LevelMedium, none, nil, 1, "medium", false},
		{"grey, timeout: the OCR verdict stands", greyRead, classifier.LevelMedium, high, context.DeadlineExceeded, 1, "medium", false},
		{"rules high: not asked", greyRead, classifier.LevelHigh, none, nil, 0, "high", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			judge := &fakeJudge{op: tt.op, err: tt.err}
			core, logs := observer.New(zapcore.DebugLevel)
			e, err := New(Options{Store: store.NewMemory(), Checker: levelChecker{tt.rules}, Catalog: locales.MustLoad(),
				Secret: []byte(secret), Images: fixedReader{tt.read}, Vision: judge, Logger: zap.New(core)})
			if err != nil {
				t.Fatal(err)
			}
			p := &person{t: t, e: e, id: "42000", lang: "en"}
			img := []byte("\x89PNG image bytes")
			got := joined(p.send(imageUpdate(func(context.Context, int64) ([]byte, error) { return img, nil })))
			if judge.calls != tt.wantCalls {
				t.Errorf("vision calls = %d, want %d", judge.calls, tt.wantCalls)
			}
			if tt.wantCalls > 0 && string(judge.got) != string(img) {
				t.Errorf("vision was sent %q, want the downloaded image", judge.got)
			}
			if isIssue := strings.HasPrefix(got, prefixOf(t, "en", "image.issue.unreadable")); isIssue != tt.wantIssue {
				t.Errorf("reply %q: unreadable reply %v, want %v", got, isIssue, tt.wantIssue)
			}
			if got == "" {
				t.Errorf("no reply, want an answer")
			}
			// image.read_seen: the warning comes from the picture, not
			// from the few words read.
			seen := strings.Contains(got, "looking at the picture as a whole")
			if wantSeen := tt.read == "ab" && !tt.wantIssue; seen != wantSeen {
				t.Errorf("reply %q: says the picture was seen %v, want %v", got, seen, wantSeen)
			}
			level := ""
			for _, entry := range logs.FilterMessage("update handled").All() {
				if l, ok := entry.ContextMap()["verdict_level"].(string); ok {
					level = l
				}
			}
			if level != tt.wantLevel {
				t.Errorf("logged verdict_level = %q, want %q", level, tt.wantLevel)
			}
			for _, entry := range logs.All() {
				for k, v := range entry.ContextMap() {
					if s, ok := v.(string); ok && strings.Contains(s, "PNG image") {
						t.Errorf("log %q field %s = %q: the image reached the logs", entry.Message, k, s)
					}
				}
			}
		})
	}
}

// TestVisionNotAskedWithoutAnImage: an image the bot could not download
// or that is not an image is never sent to the vision model.
func TestVisionNotAskedWithoutAnImage(t *testing.T) {
	judge := &fakeJudge{op: classifier.Opinion{Level: classifier.LevelHigh}}
	e, err := New(Options{Store: store.NewMemory(), Checker: levelChecker{classifier.LevelLow}, Catalog: locales.MustLoad(),
		Secret: []byte(secret), Images: fixedReader{"ab"}, Vision: judge})
	if err != nil {
		t.Fatal(err)
	}
	p := &person{t: t, e: e, id: "42001", lang: "en"}
	p.send(imageUpdate(func(context.Context, int64) ([]byte, error) { return nil, errors.New("connection reset") }))
	p.send(Update{Kind: KindImage, File: &Attachment{MIME: "application/pdf", Fetch: func(context.Context, int64) ([]byte, error) { return []byte("%PDF"), nil }}})
	if judge.calls != 0 {
		t.Errorf("vision calls = %d, want 0", judge.calls)
	}
}
