package dialogs

import (
	"fmt"

	"github.com/scamcheck/scamcheck/locales"
)

// labelPlacements are the buttons whose label, typed instead of pressed
// ("Menu", "提醒家人", "English"), does what the press does, by the label's
// locale key. Yes, No and "Somewhere else" are left out: their words are
// answers the phrase data reads in the state they are asked in.
var labelPlacements = map[string]Placement{
	"btn.check":               {Intent: IntentRequest, Topic: "check"},
	"understand.btn.received": {Intent: IntentRequest, Topic: "check"},
	"btn.call":                {Intent: IntentRequest, Topic: "call"},
	"btn.quiz":                {Intent: IntentRequest, Topic: "quiz"},
	"btn.menu":                {Intent: IntentRequest, Topic: "menu"},
	"btn.stop":                {Intent: IntentRequest, Topic: "menu"},
	"btn.where":               {Intent: IntentRequest, Topic: "where"},
	"btn.where_else":          {Intent: IntentRequest, Topic: "where"},
	"btn.more_numbers":        {Intent: IntentRequest, Topic: "more"},
	"btn.share":               {Intent: IntentRequest, Topic: "share"},
	"btn.share_other":         {Intent: IntentRequest, Topic: "share:other"},
	"btn.lang":                {Intent: IntentRequest, Topic: "lang"},
	"btn.lang.zh":             {Intent: IntentRequest, Topic: "lang:zh"},
	"btn.lang.en":             {Intent: IntentRequest, Topic: "lang:en"},
	"btn.paid":                {Intent: IntentPaid},
	"btn.paid_too":            {Intent: IntentPaid},
	"btn.a.paid":              {Intent: IntentPaid},
	"btn.f.paid":              {Intent: IntentPaid, Family: true},
	"btn.still_on_call":       {Intent: IntentOnCall},
	"btn.a.call":              {Intent: IntentOnCall},
	"btn.a.app":               {Intent: IntentApp},
	"btn.a.none":              {Intent: IntentNone},
}

// typedLabels maps each label of labelPlacements, in both languages and
// normalised as whole texts are ("中文 / English" is "中文 english"), to
// its placement.
var typedLabels = mustTypedLabels()

func mustTypedLabels() map[string]Placement {
	m, err := newTypedLabels()
	if err != nil {
		panic(fmt.Sprintf("dialogs: button labels: %v", err))
	}
	return m
}

func newTypedLabels() (map[string]Placement, error) {
	// The labels only: an empty directory adds no names.
	c, err := locales.LoadWith(&locales.Directory{})
	if err != nil {
		return nil, fmt.Errorf("load catalog: %w", err)
	}
	m := map[string]Placement{}
	for key, p := range labelPlacements {
		for _, lang := range locales.Langs {
			label, err := c.Render(lang, key, nil)
			if err != nil {
				return nil, fmt.Errorf("label %s: %w", key, err)
			}
			core := understanding.core(label)
			if core == "" {
				return nil, fmt.Errorf("label %s in %s is empty once normalised", key, lang)
			}
			if q, dup := m[core]; dup && q != p {
				return nil, fmt.Errorf("label %q (%s) does two things: %+v and %+v", label, key, q, p)
			}
			m[core] = p
		}
	}
	return m, nil
}

// typedLabel reports whether a core text is a button's label.
func typedLabel(core string) (Placement, bool) {
	p, ok := typedLabels[core]
	return p, ok
}
