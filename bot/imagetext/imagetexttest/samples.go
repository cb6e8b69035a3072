package imagetexttest

// Sample is a screenshot's content with what the bot should make of it.
// The sentences were written for these tests.
type Sample struct {
	Name string
	// Lang is "zh" or "en" (zh-Hant samples are "zh" drawn Traditional).
	Lang string
	// Scam says whether the message is a scam.
	Scam bool
	Chat Chat
	// Simplified is Chat.Want() in simplified characters, rune for rune,
	// for Traditional samples: the classifier folds Traditional to
	// Simplified, so a reading in either form counts (Recall's alt).
	Simplified string
}

// Samples are the messages measured in every style: a scam and a genuine
// message in each language and in Traditional Chinese.
var Samples = []Sample{
	{Name: "zh-police-scam", Lang: "zh", Scam: true, Chat: Chat{Title: "上海公安 刘警官", Messages: []string{
		"您好，这里是上海市公安局刑侦支队。您的身份证被人冒用开设银行账户，涉嫌一宗跨境洗钱案件，已被立案调查。",
		"为证明清白，请配合调查，今天下午五点前把您名下资金转入我们指定的安全账户进行核查，此案件属于机密，不得告诉家人和老师，否则后果自负。",
	}}},
	{Name: "zh-family-genuine", Lang: "zh", Chat: Chat{Title: "妈妈", Messages: []string{
		"妈，我这周末回家吃饭，顺便把上次借你的充电器带回来。",
		"学校下周开始考试，我最近在图书馆复习，晚上不一定回消息。",
	}, Replies: []string{"好的，路上注意安全"}}},
	{Name: "en-tax-scam", Lang: "en", Scam: true, Chat: Chat{Title: "+44 7700 900123", Messages: []string{
		"HMRC: Our records show you are owed a tax refund of £482.16. To claim it before it expires today, verify your bank details at http://hmrc-refund-claim.top within 24 hours.",
	}}},
	{Name: "en-seminar-genuine", Lang: "en", Chat: Chat{Title: "Prof. Miller", Messages: []string{
		"Hi Anna, the seminar has moved to room 2.14 on Thursday at 3pm. Please bring the printed reading list. See you there, Professor Miller",
	}, Replies: []string{"Thanks, see you on Thursday!"}}},
	{Name: "zh-hant-courier-scam", Lang: "zh", Scam: true, Chat: Chat{Title: "順豐客服", Traditional: true, Messages: []string{
		"您的包裹因地址不詳被海關扣留，需繳納清關費新台幣三百元，請在今日內點擊連結填寫資料並付款，逾期將退回寄件人。",
	}}, Simplified: "您的包裹因地址不详被海关扣留，需缴纳清关费新台币三百元，请在今日内点击连结填写资料并付款，逾期将退回寄件人。"},
	{Name: "zh-hant-family-genuine", Lang: "zh", Chat: Chat{Title: "阿嬤", Traditional: true, Messages: []string{
		"乖孫，週末要不要回來吃飯？阿公滷了你最愛的滷肉，記得帶雨傘，氣象說明天會下雨。",
	}, Replies: []string{"好啊，我星期六中午到，幫我跟阿公說謝謝！"}},
		Simplified: "乖孙，周末要不要回来吃饭？阿公卤了你最爱的卤肉，记得带雨伞，气象说明天会下雨。\n好啊，我星期六中午到，帮我跟阿公说谢谢！"},
}
