// Package bot runs ScamCheck's conversations: it loads a person's session,
// asks the checker for a verdict, steps the dialog, renders the replies for
// a channel and saves the session. Channel adapters live below it.
package bot

import (
	"context"

	"github.com/scamcheck/scamcheck/classifier"
)

// Checker gives the verdict for one message: the rules alone, or the rules
// with a model's second opinion. userKey is the person's keyed hash (for
// per-person budgets), never a raw id.
type Checker interface {
	Check(ctx context.Context, userKey, text string) classifier.Verdict
}

// RulesChecker is a Checker that uses the rules only.
type RulesChecker struct {
	Rules *classifier.Classifier
}

// Check classifies text with the rules.
func (r RulesChecker) Check(_ context.Context, _ string, text string) classifier.Verdict {
	return r.Rules.Classify(text)
}
