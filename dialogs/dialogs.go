// Package dialogs is ScamCheck's conversation as a pure state machine:
// Step(State, Event) returns the next State and the replies to send.
//
// It knows nothing of Telegram, storage or goroutines. A Reply names locale
// messages and choices; each channel renders it its own way (inline keyboards
// on Telegram, numbered choices in the terminal). State never holds the text
// of a message a person forwarded: only the verdict's level, type and reason
// ids, so it can be stored without storing what people received.
package dialogs

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/locales"
)

// StateVersion is the current State schema. Decoders of older versions keep
// the fields they know; unknown fields are ignored.
const StateVersion = 1

// Node is a place in the conversation.
type Node string

// Nodes.
const (
	NodeStart   Node = ""        // nothing asked; free text is a message to check
	NodeVerdict Node = "verdict" // a verdict was given; asking what happened so far
	NodeSteps   Node = "steps"   // steps were given
)

// State is one person's conversation. The zero value is a new conversation.
type State struct {
	Version int    `json:"v"`
	Lang    string `json:"lang,omitempty"`
	Node    Node   `json:"node,omitempty"`
	// Seq counts the keyboards sent; a button carries the Seq of its
	// keyboard, so a press on an older keyboard is recognised as stale.
	Seq uint32 `json:"seq,omitempty"`
	// Last summarises the last verdict, without the message text.
	Last *CheckSummary `json:"last,omitempty"`
}

// CheckSummary is what the conversation keeps of a verdict.
type CheckSummary struct {
	Level   classifier.Level `json:"level"`
	Type    classifier.Type  `json:"type,omitempty"`
	Reasons []string         `json:"reasons,omitempty"` // locale keys of the explanations
}

// EventKind says what arrived.
type EventKind int

// Event kinds.
const (
	EventText    EventKind = iota + 1 // a typed or forwarded message
	EventCommand                      // a /command
	EventChoice                       // a button press (or a numbered choice in the terminal)
)

// Event is one input to the conversation.
type Event struct {
	Kind EventKind
	// Text is the message (EventText). It is never stored in State.
	Text string
	// Verdict is the classifier's verdict on Text, computed by the caller
	// (which may consult a model; Step must stay pure and fast).
	Verdict classifier.Verdict
	// Command is the command name without the slash, lower case (EventCommand).
	Command string
	// Arg is the command's argument, e.g. a start code (EventCommand).
	Arg string
	// Data is the button's data as received (EventChoice); it may be forged.
	Data string
	// Lang is the person's language as the channel knows it (already
	// normalised to a locales language); used while State.Lang is empty.
	Lang string
}

// Text is one locale message with its parameters.
type Text struct {
	Key    string
	Params map[string]string
}

// Choice is one button.
type Choice struct {
	// Data identifies the choice; at most MaxChoiceData bytes.
	Data  string
	Label Text
}

// Reply is one message to send.
type Reply struct {
	// Lang overrides the conversation's language for this reply (a warning
	// to forward to family in the other language); empty means State.Lang.
	Lang string
	// Texts are rendered and joined with blank lines.
	Texts []Text
	// Choices are rows of buttons.
	Choices [][]Choice
}

// MaxChoiceData is Telegram's limit on callback data.
const MaxChoiceData = 64

// Step advances the conversation by one event.
func Step(s State, e Event) (State, []Reply) {
	if s.Lang == "" {
		s.Lang = locales.Normalize(e.Lang)
	}
	s.Version = StateVersion
	switch e.Kind {
	case EventCommand:
		switch e.Command {
		case "start", "cancel":
			s.Node, s.Last = NodeStart, nil
			return s, []Reply{{Texts: []Text{{Key: "start.greeting"}}}}
		default:
			return s, []Reply{{Texts: []Text{{Key: "command.unknown"}}}}
		}
	case EventText:
		v := e.Verdict
		sum := &CheckSummary{Level: v.Level, Type: v.Type}
		for _, sig := range v.Signals {
			if len(sum.Reasons) == 3 {
				break
			}
			sum.Reasons = append(sum.Reasons, sig.Explain)
		}
		s.Last, s.Node = sum, NodeVerdict
		s.Seq++
		texts := []Text{{Key: "verdict." + v.Level.String()}}
		for _, r := range sum.Reasons {
			texts = append(texts, Text{Key: r})
		}
		if v.Level >= classifier.LevelLow {
			texts = append(texts, Text{Key: "verdict.question"})
			return s, []Reply{{Texts: texts, Choices: [][]Choice{
				{choice(s.Seq, "paid", "choice.paid")},
				{choice(s.Seq, "oncall", "choice.oncall")},
				{choice(s.Seq, "nothing", "choice.nothing")},
			}}}
		}
		return s, []Reply{{Texts: texts}}
	case EventChoice:
		seq, id, ok := ParseChoice(e.Data)
		if !ok || seq != s.Seq || s.Node != NodeVerdict {
			return s, []Reply{{Texts: []Text{{Key: "choice.stale"}}}}
		}
		s.Node = NodeSteps
		switch id {
		case "paid":
			return s, []Reply{{Texts: []Text{{Key: "steps.paid"}}}}
		case "oncall":
			return s, []Reply{{Texts: []Text{{Key: "steps.oncall"}}}}
		case "nothing":
			return s, []Reply{{Texts: []Text{{Key: "steps.nothing"}}}}
		}
		return s, []Reply{{Texts: []Text{{Key: "choice.stale"}}}}
	}
	return s, nil
}

func choice(seq uint32, id, label string) Choice {
	return Choice{Data: EncodeChoice(seq, id), Label: Text{Key: label}}
}

// EncodeChoice builds button data: "c<seq>:<id>".
func EncodeChoice(seq uint32, id string) string {
	return "c" + strconv.FormatUint(uint64(seq), 10) + ":" + id
}

// ParseChoice decodes button data made by EncodeChoice; ok is false for
// anything else (old formats, forged data).
func ParseChoice(data string) (seq uint32, id string, ok bool) {
	if len(data) > MaxChoiceData || !strings.HasPrefix(data, "c") {
		return 0, "", false
	}
	num, id, found := strings.Cut(data[1:], ":")
	if !found || id == "" {
		return 0, "", false
	}
	n, err := strconv.ParseUint(num, 10, 32)
	if err != nil {
		return 0, "", false
	}
	return uint32(n), id, true
}

// Rendered is a Reply in words.
type Rendered struct {
	Lang    string
	Text    string
	Choices [][]RenderedChoice
}

// RenderedChoice is a button in words.
type RenderedChoice struct {
	Data  string
	Label string
}

// Render puts a reply into words in lang (or the reply's own language).
func Render(c *locales.Catalog, lang string, r Reply) (Rendered, error) {
	if r.Lang != "" {
		lang = r.Lang
	}
	out := Rendered{Lang: lang}
	parts := make([]string, 0, len(r.Texts))
	for _, t := range r.Texts {
		s, err := c.Render(lang, t.Key, t.Params)
		if err != nil {
			return Rendered{}, fmt.Errorf("render reply: %w", err)
		}
		parts = append(parts, s)
	}
	out.Text = strings.Join(parts, "\n\n")
	for _, row := range r.Choices {
		var rr []RenderedChoice
		for _, ch := range row {
			label, err := c.Render(lang, ch.Label.Key, ch.Label.Params)
			if err != nil {
				return Rendered{}, fmt.Errorf("render choice: %w", err)
			}
			rr = append(rr, RenderedChoice{Data: ch.Data, Label: label})
		}
		out.Choices = append(out.Choices, rr)
	}
	return out, nil
}
