package dialogs

import "github.com/scamcheck/scamcheck/classifier"

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
	EventImage                        // a screenshot or photo, read (image.go)
	EventVoice                        // a voice note the bot cannot listen to (image.go)
)

// Event is one input to the conversation.
type Event struct {
	Kind EventKind
	// Text is the message (EventText). It is never stored in State.
	Text string
	// Forwarded is set when the channel says the text was forwarded from
	// someone else (Telegram's forward_origin): it is then always a message
	// to check, never the person's own words.
	Forwarded bool
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
	// Transcribed is set when Text was heard in a voice note: a recording
	// is as often a message received as the person's own words, so its
	// first person does not make it theirs (speaksAsPerson).
	Transcribed bool
	// Read is the text read from an image (EventImage), for the line that
	// shows the person what the bot saw; Text holds it with the caption.
	// Never stored in State.
	Read string
	// ImageIssue says why an image could not be read (EventImage): one of
	// the Image* constants, empty when it was read.
	ImageIssue string
	// ImageSeen says a vision model, looking at the image as a whole,
	// raised the verdict on an image whose text could not be read
	// (EventImage): the reply then says the warning comes from the
	// picture, not from the few words read.
	ImageSeen bool
	// Owner is a short tag of the person, 1-8 lower-case letters or digits
	// (e.g. the start of their keyed hash, never their id). Buttons carry
	// it, so a keyboard pressed by someone else in a group gets the stale
	// answer. Empty leaves buttons without an owner.
	Owner string
}

// Text is one locale message with its parameters.
type Text struct {
	Key    string
	Params map[string]string
	// Refs are parameters whose values are locale keys, rendered in the
	// reply's language first: a scam type's plain name, a contact's name.
	Refs map[string]string
	// Optional texts are left out, rather than failing the whole reply,
	// when Key or a Ref is missing: a reason the classifier names but the
	// catalog lacks must not keep a verdict from reaching a person.
	Optional bool
	// Line joins this text to the one before with a line break instead of
	// a blank line (lists of reasons and numbers).
	Line bool
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
	// Texts are rendered and joined with blank lines (or a line break, see
	// Text.Line).
	Texts []Text
	// Choices are rows of buttons.
	Choices [][]Choice
}

// MaxChoiceData is Telegram's limit on callback data.
const MaxChoiceData = 64
