package classifier

import (
	"fmt"
	"testing"
)

// TestHandles: chat accounts given to write to are handle entities, with
// spans into the original text; e-mail addresses, group mentions, thanks
// to a classmate and a label followed by a sentence are not.
func TestHandles(t *testing.T) {
	c := classifier(t)
	for _, tc := range []struct {
		name, text string
		want       []string // "App text"
	}{
		{"telegram before @name en", "Message our caseworker on Telegram @visa_desk_07. We will never ask for your password.",
			[]string{"Telegram @visa_desk_07"}},
		{"@name before the app en", "Write to @visa_desk_07 on Telegram before 5pm.", []string{"Telegram @visa_desk_07"}},
		{"TG label and colon en", "Questions? TG: visadeskhelp. Office hours 9-5.", []string{"Telegram visadeskhelp"}},
		{"whatsapp number en", "WhatsApp +44 7700 900456 to release the parcel", []string{"WhatsApp +44 7700 900456"}},
		{"chat link en", "Join t.me/visa_desk_07 for your case", []string{"Telegram t.me/visa_desk_07"}},
		{"contact verb before @name en", "DM @quick_gains88 for the signals", []string{" @quick_gains88"}},
		{"wechat id zh", "请添加工作人员微信号：gongan_li2026 配合调查", []string{"WeChat gongan_li2026"}},
		{"飞机 id with colon zh", "客服电报：kefu_0931，24小时在线", []string{"Telegram kefu_0931"}},
		{"full-width at sign zh", "有问题请在纸飞机上联系＠kefu_0931", []string{"Telegram ＠kefu_0931"}},
		{"qq number zh", "加我 QQ 3021874569 领取", []string{"QQ 3021874569"}},
		// Not handles.
		{"group mention zh", "@all 明天交班费，每人50元", nil},
		{"chinese mention zh", "@张伟 明天记得带学生证", nil},
		{"thanks a classmate en", "Thanks @maya_r for the lecture notes!", nil},
		{"e-mail address en", "Email the office at help@visa-desk.example or call reception.", nil},
		{"label then a sentence en", "Telegram: please message us through the app.", nil},
		{"the word tg in a word en", "Stg 5 results are out", nil},
		{"wechat official account zh", "欢迎关注微信公众号获取最新通知", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := c.Classify(tc.text)
			var got []string
			if v.Entities != nil {
				for _, h := range v.Entities.Handles {
					if tc.text[h.Span.Start:h.Span.End] != h.Text {
						t.Errorf("span %v covers %q, want %q", h.Span, tc.text[h.Span.Start:h.Span.End], h.Text)
					}
					got = append(got, h.App+" "+h.Text)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("got handles %q, want %q", got, tc.want)
			}
		})
	}
}
