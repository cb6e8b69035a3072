package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/scamcheck/scamcheck/bot"
)

// Download fetches a file the person sent: getFile for its path, then
// <api base>/file/bot<token>/<path>, reading at most limit bytes. A file
// larger than limit (announced or found while reading) gives an error
// wrapping bot.ErrFileTooBig. Errors never hold the token. The bytes are
// only ever in memory.
func (c *Client) Download(ctx context.Context, fileID string, limit int64) ([]byte, error) {
	resp, err := c.send(ctx, tgbotapi.FileConfig{FileID: fileID})
	if err != nil {
		if e := apiError(err); e != nil && strings.Contains(strings.ToLower(e.Message), "too big") {
			// Telegram refuses getFile above 20 MB.
			return nil, fmt.Errorf("getFile: %w: %w", bot.ErrFileTooBig, err)
		}
		return nil, fmt.Errorf("getFile: %w", err)
	}
	var f tgbotapi.File
	if err := json.Unmarshal(resp.Result, &f); err != nil {
		return nil, fmt.Errorf("getFile: decode: %w", err)
	}
	if int64(f.FileSize) > limit {
		return nil, fmt.Errorf("getFile: %d bytes: %w", f.FileSize, bot.ErrFileTooBig)
	}
	if f.FilePath == "" || strings.Contains(f.FilePath, "..") || strings.ContainsAny(f.FilePath, "?#\\") {
		return nil, errors.New("getFile: no usable file_path")
	}
	u := c.apiURL + "/file/bot" + c.api.Token + "/" + (&url.URL{Path: f.FilePath}).EscapedPath()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, c.redact.Error(fmt.Errorf("file download: %w", err))
	}
	res, err := c.http.c.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			// url.Error prints the URL, which holds the token.
			err = ue.Err
		}
		return nil, c.redact.Error(fmt.Errorf("file download: %w", err))
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, &statusError{method: "file download", code: res.StatusCode}
	}
	if res.ContentLength > limit {
		return nil, fmt.Errorf("file download: %d bytes: %w", res.ContentLength, bot.ErrFileTooBig)
	}
	data, err := io.ReadAll(io.LimitReader(res.Body, limit+1))
	if err != nil {
		return nil, c.redact.Error(fmt.Errorf("file download: %w", err))
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("file download: over %d bytes: %w", limit, bot.ErrFileTooBig)
	}
	return data, nil
}
