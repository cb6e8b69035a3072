package main

import (
	"context"
	"errors"
)

// runChat is not built yet.
func runChat(ctx context.Context, args []string, sio stdio) error {
	return errors.New("not implemented yet")
}
