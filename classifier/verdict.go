// Package classifier decides whether a forwarded message is a scam and says why.
//
// It is pure: text in, Verdict out. It does no I/O and imports no network,
// storage or logging package, so the same verdict comes out in tests, in the
// terminal and behind Telegram.
package classifier

import (
	"encoding/json"
	"fmt"
)

// Level is how sure the classifier is that a message is a scam.
type Level int

// Levels, from no sign at all to "this is a scam". Their order matters: a
// higher level is a stronger warning, and combining verdicts keeps the higher.
const (
	LevelNone   Level = iota // no sign of fraud
	LevelLow                 // weak signs; worth a second look
	LevelMedium              // strong warning signs; verify before doing anything
	LevelHigh                // this is a scam
)

var levelNames = [...]string{"none", "low", "medium", "high"}

// String returns the level's name as used in JSON and on the command line.
func (l Level) String() string {
	if l < LevelNone || l > LevelHigh {
		return fmt.Sprintf("level(%d)", int(l))
	}
	return levelNames[l]
}

// ParseLevel parses a level name ("none", "low", "medium", "high").
func ParseLevel(s string) (Level, error) {
	for i, n := range levelNames {
		if n == s {
			return Level(i), nil
		}
	}
	return LevelNone, fmt.Errorf("unknown level %q", s)
}

// MarshalText encodes the level as its name.
func (l Level) MarshalText() ([]byte, error) {
	if l < LevelNone || l > LevelHigh {
		return nil, fmt.Errorf("invalid level %d", int(l))
	}
	return []byte(levelNames[l]), nil
}

// UnmarshalText decodes a level name.
func (l *Level) UnmarshalText(b []byte) error {
	v, err := ParseLevel(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// Flagged reports whether the level counts as a positive ("treat this as a
// scam until verified"): medium or high.
func (l Level) Flagged() bool { return l >= LevelMedium }

// Type is the kind of scam a verdict or a signal points to.
type Type string

// Scam types. The dialogs explain each in plain words, so a new type needs
// locale messages too (locales tests check this).
const (
	TypeNone                    Type = ""
	TypeImpersonateOfficial     Type = "impersonate_official"
	TypeVirtualKidnapping       Type = "virtual_kidnapping"
	TypeSextortion              Type = "sextortion"
	TypeInvestment              Type = "investment"
	TypeRomance                 Type = "romance"
	TypeFakeCustomerService     Type = "fake_customer_service"
	TypeCourier                 Type = "courier"
	TypeTelecomOperator         Type = "telecom_operator"
	TypeLoanCredit              Type = "loan_credit"
	TypeBrushingJob             Type = "brushing_job"
	TypeAccomplice              Type = "accomplice"
	TypeOverseasJob             Type = "overseas_job"
	TypePhishing                Type = "phishing"
	TypeImpersonateAcquaintance Type = "impersonate_acquaintance"
	TypePrize                   Type = "prize"
)

// Types lists every scam type, in a stable order.
var Types = []Type{
	TypeImpersonateOfficial, TypeVirtualKidnapping, TypeSextortion, TypeInvestment,
	TypeRomance, TypeFakeCustomerService, TypeCourier, TypeTelecomOperator,
	TypeLoanCredit, TypeBrushingJob, TypeAccomplice, TypeOverseasJob, TypePhishing,
	TypeImpersonateAcquaintance, TypePrize,
}

// Valid reports whether t is one of Types.
func (t Type) Valid() bool {
	for _, k := range Types {
		if k == t {
			return true
		}
	}
	return false
}

// Span is a half-open byte range [Start, End) into the original text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Signal is one piece of evidence: a rule that matched and what it matched.
type Signal struct {
	// ID is the rule's id, stable across releases (logs and metrics use it).
	ID string `json:"id"`
	// Type is the scam type the rule points to; TypeNone for generic signs
	// such as urgency that belong to many scams.
	Type Type `json:"type"`
	// Evidence is the matched part of the original text.
	Evidence string `json:"evidence"`
	// Span locates Evidence in the original text.
	Span Span `json:"span"`
	// Explain is the locale message id that explains this signal to a person
	// ("Real police never ask you to move money to a safe account").
	Explain string `json:"explain"`
	// Weight is what the signal added to the score.
	Weight float64 `json:"weight"`
}

// Source says what produced a verdict.
const (
	SourceRules    = "rules"
	SourceRulesLLM = "rules+llm"
)

// Verdict is the classifier's answer for one message.
type Verdict struct {
	Level Level   `json:"level"`
	Type  Type    `json:"type"`
	Score float64 `json:"score"`
	// Signals are ordered by weight, strongest first.
	Signals []Signal `json:"signals"`
	// Lang is the message's main language: "zh" or "en".
	Lang string `json:"lang"`
	// Source is SourceRules, or SourceRulesLLM when a model was consulted
	// and its answer was used.
	Source string `json:"source"`
	// ModelReasons are the model's reasons when Source is SourceRulesLLM:
	// locale keys of signal explanations, never the model's own words.
	ModelReasons []string `json:"model_reasons,omitempty"`
	// ModelStatus says whether a model was consulted: ModelNotAsked,
	// ModelAnswered, or ModelUnavailable (it should have been asked but
	// timed out, failed, was over budget or behind an open breaker; the
	// rules' verdict stands).
	ModelStatus string `json:"model_status,omitempty"`
	// Entities are the links, numbers, amounts, wallets and apps found in
	// the message; nil when there are none.
	Entities *Entities `json:"entities,omitempty"`
}

// Model statuses for Verdict.ModelStatus.
const (
	ModelNotAsked    = ""
	ModelAnswered    = "answered"
	ModelUnavailable = "unavailable"
)

// String renders a verdict compactly for debugging; it contains evidence
// (message text) and must not be logged above debug level.
func (v Verdict) String() string {
	b, _ := json.Marshal(v)
	return string(b)
}
