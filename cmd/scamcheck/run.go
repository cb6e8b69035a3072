package main

import (
	"context"
	"errors"
)

// runBot is not built yet.
func runBot(ctx context.Context, args []string, sio stdio) error {
	return errors.New("not implemented yet")
}
