package main

import (
	"github.com/scamcheck/scamcheck/bot"
	"github.com/scamcheck/scamcheck/bot/llm"
	"github.com/scamcheck/scamcheck/classifier"
)

// newChecker returns the checker the environment asks for: the rules, plus
// a model when LLM_* is configured. store keeps the model's budgets and
// cache. (The model part is issue #5.)
func newChecker(sio stdio, rules *classifier.Classifier, store llm.Store) (bot.Checker, error) {
	return bot.RulesChecker{Rules: rules}, nil
}
