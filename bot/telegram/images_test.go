package telegram

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"github.com/redis/go-redis/v9"
	openai "github.com/sashabaranov/go-openai"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/scamcheck/scamcheck/bot"
	"github.com/scamcheck/scamcheck/bot/imagetext"
	"github.com/scamcheck/scamcheck/bot/imagetext/imagetexttest"
	"github.com/scamcheck/scamcheck/bot/llm"
	"github.com/scamcheck/scamcheck/bot/store"
	"github.com/scamcheck/scamcheck/bot/telegram/telegramtest"
	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/internal/redistest"
	"github.com/scamcheck/scamcheck/locales"
)

// imageBot is the bot with a real Redis, the fake Bot API and an image
// reader (nil: a bot without OCR).
type imageBot struct {
	tg    *telegramtest.Server
	redis *redistest.Server
	logs  *observer.ObservedLogs
	cat   *locales.Catalog
}

func startImageBot(t *testing.T, images bot.ImageReader) *imageBot {
	t.Helper()
	return startBot(t, bot.Options{Images: images})
}

// startBot starts the bot with o's Images and Transcriber.
func startBot(t *testing.T, o bot.Options) *imageBot {
	t.Helper()
	b := &imageBot{tg: telegramtest.New(t, token), redis: redistest.Start(t), cat: locales.MustLoad()}
	st := store.NewRedis(b.redis.Client(), "")
	core, logs := observer.New(zapcore.DebugLevel)
	b.logs = logs
	log := zap.New(core)
	rules, err := classifier.New()
	if err != nil {
		t.Fatal(err)
	}
	o.Store, o.Checker, o.Catalog, o.Logger = st, bot.RulesChecker{Rules: rules}, b.cat, log
	o.Secret = []byte("image-test-secret-0123456789")
	e, err := bot.New(o)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Dial(context.Background(), Config{Token: token, APIURL: b.tg.URL(), PollTimeout: time.Second, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	c.SetOutbox(NewOutbox(UnlimitedOutgoing(), nil))
	run(t, &Poller{Client: c, Handler: e, Offsets: st, Logger: log, Grace: 300 * time.Millisecond, ConflictDelay: 50 * time.Millisecond})
	return b
}

// answer calls send (which sends one update from from) and waits for
// the reply to it. Reading a screenshot takes Tesseract about a second
// of processor time, many more on a loaded machine under the race
// detector: the wait is long, and says nothing about speed
// (BenchmarkOCR measures that).
func (b *imageBot) answer(t *testing.T, from tgbotapi.User, send func()) tgbotapi.Message {
	t.Helper()
	n := len(b.tg.Sent(from.ID))
	send()
	b.tg.Wait(t, 3*time.Minute, "the answer", func() bool { return len(b.tg.Sent(from.ID)) > n })
	return b.tg.Sent(from.ID)[n]
}

func (b *imageBot) msg(t *testing.T, lang, key string) string {
	t.Helper()
	s, err := b.cat.Render(lang, key, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func buttons(m tgbotapi.Message) string {
	var out []string
	if m.ReplyMarkup != nil {
		for _, row := range m.ReplyMarkup.InlineKeyboard {
			for _, b := range row {
				if b.CallbackData != nil {
					out = append(out, *b.CallbackData)
				}
			}
		}
	}
	return strings.Join(out, " ")
}

func TestScreenshotsAreCheckedAsTypedText(t *testing.T) {
	reader := imagetexttest.Reader(t, imagetext.Options{Budget: time.Minute})
	b := startImageBot(t, reader)
	samples := map[string]imagetexttest.Sample{}
	for _, s := range imagetexttest.Samples {
		samples[s.Name] = s
	}
	for i, tc := range []struct {
		sample   string
		style    imagetexttest.Style
		half     bool // sent as the half-size JPEG
		document bool // sent as a file rather than a photo
		typ      classifier.Type
	}{
		{"zh-police-scam", imagetexttest.WeChatWhite, false, false, classifier.TypeImpersonateOfficial},
		{"en-tax-scam", imagetexttest.SMS, true, false, classifier.TypePhishing},
		{"zh-family-genuine", imagetexttest.Dark, false, true, ""},
		{"en-seminar-genuine", imagetexttest.WhiteOnBlue, true, false, ""},
	} {
		s := samples[tc.sample]
		t.Run(tc.sample, func(t *testing.T) {
			from := telegramtest.User(int64(500+i), s.Lang)
			img, err := imagetexttest.Render(tc.style, s.Chat)
			if err != nil {
				t.Fatal(err)
			}
			data := imagetexttest.PNG(img)
			if tc.half {
				data = imagetexttest.HalfJPEG(img)
			}
			m := b.answer(t, from, func() {
				if tc.document {
					b.tg.Document(from, data, "screenshot.png", "image/png", "")
					return
				}
				bd := img.Bounds()
				b.tg.Photo(from, "", telegramtest.PhotoSize{Width: bd.Dx(), Height: bd.Dy(), Data: data})
			})
			head, _, _ := strings.Cut(m.Text, "\n\n")
			if tc.typ != "" {
				if want := b.msg(t, s.Lang, "verdict.high"); head != want {
					t.Errorf("first line: got %q, want the scam verdict %q", head, want)
				}
				if want := b.msg(t, s.Lang, "type."+string(tc.typ)); !strings.Contains(m.Text, want) {
					t.Errorf("reply lacks the type %q:\n%s", want, m.Text)
				}
				if !strings.Contains(buttons(m), "a:paid") || !strings.Contains(buttons(m), "a:call") {
					t.Errorf("buttons: got %q, want the steps (paid, call)", buttons(m))
				}
			} else if want := b.msg(t, s.Lang, "verdict.none"); head != want {
				t.Errorf("first line: got %q, want %q", head, want)
			}
			// The second paragraph quotes the first words read.
			parts := strings.Split(m.Text, "\n\n")
			first := []rune(strings.Join(strings.Fields(s.Chat.Title), " "))
			if len(parts) < 2 || !strings.Contains(parts[1], string(first[:2])) {
				t.Errorf("second paragraph should quote the start of the screenshot (%q):\n%s", s.Chat.Title, m.Text)
			}
		})
	}
	b.checkNothingStored(t, "刑侦支队", "tax refund", "图书馆", "seminar")
}

// checkNothingStored fails if any Redis value or log line holds one of
// the phrases read from the screenshots, or if a key has no TTL.
func (b *imageBot) checkNothingStored(t *testing.T, phrases ...string) {
	t.Helper()
	ctx := context.Background()
	rc := b.redis.Client()
	keys, err := rc.Keys(ctx, "*").Result()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		// A key listed may be gone by the time it is read: the per-user
		// lock (":l") is deleted when the update it guards is done, which
		// can be just after its reply reached the fake Bot API. A key
		// that is gone holds nothing and needs no TTL (TTL answers -2).
		dump, err := rc.Dump(ctx, k).Result()
		if errors.Is(err, redis.Nil) {
			continue
		}
		if err != nil {
			t.Fatalf("DUMP %s: %v", k, err)
		}
		for _, p := range phrases {
			if strings.Contains(dump, p) {
				t.Errorf("Redis key %s holds %q read from an image", k, p)
			}
		}
		if ttl, err := rc.TTL(ctx, k).Result(); err == nil && ttl == -1 {
			t.Errorf("Redis key %s has no TTL (%v)", k, ttl)
		}
	}
	for _, e := range b.logs.All() {
		line := e.Message
		for k, v := range e.ContextMap() {
			line += " " + k + "=" + fmt.Sprint(v)
		}
		for _, p := range phrases {
			if strings.Contains(line, p) {
				t.Errorf("log line holds %q read from an image: %s", p, line)
			}
		}
	}
}

// noise is a PNG of random pixels: no text, and incompressible, so its
// size in bytes is about 4×w×h.
func noise(w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewPCG(1, 2))
	for i := range img.Pix {
		img.Pix[i] = byte(r.Uint32())
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, img)
	return buf.Bytes()
}

// blank is a photo of nothing but two coloured areas.
func blank() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 800, 1200))
	for y := 0; y < 1200; y++ {
		for x := 0; x < 800; x++ {
			c := color.RGBA{0x40, 0x90, 0xC0, 0xFF}
			if y > 700 {
				c = color.RGBA{0x50, 0xA0, 0x40, 0xFF}
			}
			img.SetRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, img)
	return buf.Bytes()
}

func TestImagesThatCannotBeCheckedGetAClearAnswer(t *testing.T) {
	reader := imagetexttest.Reader(t, imagetext.Options{Budget: time.Minute})
	b := startImageBot(t, reader)
	big := noise(1800, 1800)
	if len(big) < 12<<20 {
		t.Fatalf("the big image is %d bytes, want over 12 MB", len(big))
	}
	corrupt := imagetexttest.MustRender(t, imagetexttest.WeChatWhite, imagetexttest.Samples[0].Chat)
	corrupt = corrupt[:len(corrupt)/3] // a download cut short
	for i, tc := range []struct {
		name    string
		send    func(from tgbotapi.User)
		key     string
		buttons string // a button the answer must offer
	}{
		{"no text", func(from tgbotapi.User) {
			b.tg.Photo(from, "", telegramtest.PhotoSize{Width: 800, Height: 1200, Data: blank()})
		}, "image.issue.unreadable", "call:on"},
		{"12 MB file", func(from tgbotapi.User) { b.tg.Document(from, big, "big.png", "image/png", "") }, "image.issue.too_big", "call:on"},
		{"12 MB photo", func(from tgbotapi.User) {
			b.tg.Photo(from, "", telegramtest.PhotoSize{Width: 1800, Height: 1800, Data: big})
		}, "image.issue.too_big", "call:on"},
		{"corrupt file", func(from tgbotapi.User) { b.tg.Document(from, corrupt, "shot.png", "image/png", "") }, "image.issue.not_image", "call:on"},
		{"pdf", func(from tgbotapi.User) { b.tg.Document(from, []byte("%PDF-1.4"), "a.pdf", "application/pdf", "") }, "image.issue.not_image", "call:on"},
		{"sticker", func(from tgbotapi.User) { b.tg.Sticker(from) }, "bot.need_text", ""},
		{"voice note", func(from tgbotapi.User) { b.tg.Voice(from, 12, []byte("OggS voice")) }, "voice.cannot", "call:on"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			from := telegramtest.User(int64(600+i), "en")
			downloads := b.tg.Count("download")
			m := b.answer(t, from, func() { tc.send(from) })
			if want := b.msg(t, "en", tc.key); !strings.HasPrefix(m.Text, want) {
				t.Errorf("answer: got %q, want it to start with %q", m.Text, want)
			}
			if strings.Contains(m.Text, b.msg(t, "en", "verdict.none")) {
				t.Errorf("an image that was not read got %q", m.Text)
			}
			if tc.buttons != "" && !strings.Contains(buttons(m), tc.buttons) {
				t.Errorf("buttons: got %q, want %q among them", buttons(m), tc.buttons)
			}
			if tc.key == "image.issue.too_big" || tc.key == "voice.cannot" {
				if got := b.tg.Count("download") - downloads; got != 0 {
					t.Errorf("downloads: got %d, want none for a file the bot will not read", got)
				}
			}
		})
	}
	t.Run("largest size that fits", func(t *testing.T) {
		from := telegramtest.User(700, "zh")
		s := imagetexttest.Samples[0]
		img, err := imagetexttest.Render(imagetexttest.WeChatGreen, s.Chat)
		if err != nil {
			t.Fatal(err)
		}
		bd := img.Bounds()
		m := b.answer(t, from, func() {
			b.tg.Photo(from, "",
				telegramtest.PhotoSize{Width: 90, Height: 90, Data: blank()},
				telegramtest.PhotoSize{Width: bd.Dx(), Height: bd.Dy(), Data: imagetexttest.PNG(img)},
				telegramtest.PhotoSize{Width: 1800, Height: 1800, Data: big})
		})
		if want := b.msg(t, "zh", "verdict.high"); !strings.HasPrefix(m.Text, want) {
			t.Errorf("answer: got %q, want the screenshot (the largest size under 10 MB) read as a scam", m.Text)
		}
	})
}

func TestWithoutOCRPhotosGetTheRequestForText(t *testing.T) {
	b := startImageBot(t, nil)
	from := telegramtest.User(800, "zh")
	m := b.answer(t, from, func() {
		b.tg.Photo(from, "这是诈骗吗？", telegramtest.PhotoSize{Width: 800, Height: 1200, Data: blank()})
	})
	if want := b.msg(t, "zh", "image.issue.no_ocr"); !strings.HasPrefix(m.Text, want) {
		t.Errorf("answer: got %q, want it to start with %q", m.Text, want)
	}
	if strings.Contains(m.Text, b.msg(t, "zh", "verdict.none")) {
		t.Errorf("a photo the bot could not read was judged by its caption: %q", m.Text)
	}
	if got := b.tg.Count("download"); got != 0 {
		t.Errorf("downloads: got %d, want none without OCR", got)
	}
}

// fakeTranscriptions is an OpenAI-compatible /audio/transcriptions
// endpoint that answers each audio file with the text it was given for
// those bytes.
func fakeTranscriptions(t *testing.T, model string, said map[string]string) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/audio/transcriptions" || r.Method != http.MethodPost {
			http.NotFound(w, r)
			return
		}
		if err := r.ParseMultipartForm(1 << 20); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if got := r.FormValue("model"); got != model {
			t.Errorf("transcription model: got %q, want %q", got, model)
		}
		f, _, err := r.FormFile("file")
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		audio, _ := io.ReadAll(f)
		text, ok := said[string(audio)]
		if !ok {
			http.Error(w, `{"error":{"message":"bad audio","type":"invalid_request_error"}}`, http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]string{"text": text})
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestVoiceNotesAreTranscribedAndChecked(t *testing.T) {
	const model = "whisper-test"
	api := fakeTranscriptions(t, model, map[string]string{
		"OggS scam":     "你好，这里是上海市公安局，你的身份证涉嫌洗钱案件，请马上把钱转到安全账户配合调查，不要告诉家人。",
		"OggS harmless": "Hi Mum, I'll be home for dinner on Sunday, see you then.",
	})
	oc := openai.DefaultConfig("test-key")
	oc.BaseURL = api.URL + "/v1"
	tr, err := llm.NewTranscriber(openai.NewClientWithConfig(oc), model, 0)
	if err != nil {
		t.Fatal(err)
	}
	b := startBot(t, bot.Options{Transcriber: tr})
	for i, tc := range []struct {
		audio, lang, first string
	}{
		{"OggS scam", "zh", "verdict.high"},
		{"OggS harmless", "en", "verdict.none"},
		{"OggS noise", "en", "voice.cannot"}, // the endpoint refuses it
	} {
		from := telegramtest.User(int64(900+i), tc.lang)
		m := b.answer(t, from, func() { b.tg.Voice(from, 9, []byte(tc.audio)) })
		if want := b.msg(t, tc.lang, tc.first); !strings.HasPrefix(m.Text, want) {
			t.Errorf("%s: got %q, want it to start with %q", tc.audio, m.Text, want)
		}
	}
	b.checkNothingStored(t, "公安局", "dinner on Sunday")
}

func TestDownloadErrorsNeverCarryTheToken(t *testing.T) {
	tg := telegramtest.New(t, token)
	c, err := Dial(context.Background(), Config{Token: token, APIURL: tg.URL(), PollTimeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	small := tg.AddFile([]byte("0123456789"), "a.png")
	for _, tc := range []struct {
		name   string
		id     string
		limit  int64
		tooBig bool
	}{
		{"unknown file", "nope", 100, false},
		{"over the limit", small, 5, true},
	} {
		_, err := c.Download(context.Background(), tc.id, tc.limit)
		switch {
		case err == nil:
			t.Errorf("%s: got no error", tc.name)
		case strings.Contains(err.Error(), "unit_Token"):
			t.Errorf("%s: error holds the token: %v", tc.name, err)
		case errors.Is(err, bot.ErrFileTooBig) != tc.tooBig:
			t.Errorf("%s: error %v; too big: got %v, want %v", tc.name, err, !tc.tooBig, tc.tooBig)
		}
	}
	if data, err := c.Download(context.Background(), small, 100); err != nil || string(data) != "0123456789" {
		t.Errorf("Download: got %q, %v; want the file", data, err)
	}
	// A file server that is down: the error names the download, not the URL.
	c.apiURL = "http://127.0.0.1:1"
	if _, err := c.Download(context.Background(), small, 100); err == nil || strings.Contains(err.Error(), "unit_Token") {
		t.Errorf("download from a closed port: got %v, want an error without the token", err)
	}
}
