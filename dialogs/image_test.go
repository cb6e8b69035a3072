package dialogs

import (
	"strings"
	"testing"

	"github.com/scamcheck/scamcheck/classifier"
)

func renderImageReplies(t *testing.T, lang string, replies []Reply) (text string, data []string) {
	t.Helper()
	var b strings.Builder
	for _, r := range replies {
		rd, err := Render(realCat, lang, r)
		if err != nil {
			t.Fatalf("render: %v", err)
		}
		b.WriteString(rd.Text + "\n\n")
		for _, row := range rd.Choices {
			for _, c := range row {
				_, id, _ := ParseChoice(c.Data)
				data = append(data, id)
			}
		}
	}
	return b.String(), data
}

func catMsg(t *testing.T, lang, key string) string {
	t.Helper()
	s, err := realCat.Render(lang, key, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestImageRepliesNeverClearWhatWasNotRead(t *testing.T) {
	high := classifier.Verdict{Level: classifier.LevelHigh, Type: classifier.TypeImpersonateOfficial}
	long := "您好，这里是上海市公安局刑侦支队。您的身份证被人冒用开设银行账户，涉嫌一宗跨境洗钱案件。"
	for _, tc := range []struct {
		name      string
		ev        Event
		first     string // key of the reply's first paragraph
		second    string // text the second paragraph holds
		noVerdict bool
		button    string
	}{
		{"read, scam", Event{Read: long, Verdict: high}, "verdict.high", "“您好，这里是上海市公安局刑侦支队。您的身份证被人冒用开设银行账户，涉嫌一宗跨境洗…”", false, "a:paid"},
		{"read, nothing found", Event{Read: "Hi Anna, the seminar has moved to room 2.14"}, "verdict.none", "Hi Anna, the seminar", false, ""},
		{"unreadable", Event{ImageIssue: ImageUnreadable, Read: "|「 |"}, "image.issue.unreadable", catMsg(t, "zh", "image.ask_text"), true, "call:on"},
		{"forged issue", Event{ImageIssue: "nonsense"}, "image.issue.unreadable", catMsg(t, "zh", "image.ask_text"), true, "call:on"},
		{"timeout", Event{ImageIssue: ImageTimeout}, "image.issue.timeout", catMsg(t, "zh", "image.ask_text"), true, "call:on"},
		{"unread, caption warns", Event{ImageIssue: ImageTooBig, Verdict: high}, "verdict.high", catMsg(t, "zh", "image.issue.too_big"), false, "a:paid"},
		{"caption only", Event{Verdict: high}, "verdict.high", catMsg(t, "zh", "image.read_caption"), false, "a:paid"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.ev.Kind, tc.ev.Lang = EventImage, "zh"
			_, replies := Step(State{}, tc.ev)
			text, data := renderImageReplies(t, "zh", replies)
			paras := strings.Split(text, "\n\n")
			if want := catMsg(t, "zh", tc.first); paras[0] != want {
				t.Errorf("first paragraph: got %q, want %q", paras[0], want)
			}
			if len(paras) < 2 || !strings.Contains(paras[1], tc.second) {
				t.Errorf("second paragraph: got %q, want it to hold %q", paras[1], tc.second)
			}
			if tc.noVerdict && strings.Contains(text, catMsg(t, "zh", "verdict.none")) {
				t.Errorf("an unread image got %q", catMsg(t, "zh", "verdict.none"))
			}
			if tc.button != "" && !strings.Contains(strings.Join(data, " "), tc.button) {
				t.Errorf("buttons: got %v, want %s among them", data, tc.button)
			}
		})
	}
}

func TestVoiceOffersTheWayOut(t *testing.T) {
	s, replies := Step(State{}, Event{Kind: EventVoice, Lang: "en"})
	text, data := renderImageReplies(t, "en", replies)
	if !strings.HasPrefix(text, catMsg(t, "en", "voice.cannot")) {
		t.Errorf("got %q, want the voice answer", text)
	}
	if got := strings.Join(data, " "); got != "call:on call paid" {
		t.Errorf("buttons: got %q, want %q", got, "call:on call paid")
	}
	// The buttons work: "still on the call" gives the hang-up steps.
	_, replies = Step(s, Event{Kind: EventChoice, Data: replies[0].Choices[0][0].Data})
	if text, _ := renderImageReplies(t, "en", replies); !strings.HasPrefix(text, catMsg(t, "en", "oncall.hangup")) {
		t.Errorf("after pressing the first button: got %q, want the hang-up steps", text)
	}
}
