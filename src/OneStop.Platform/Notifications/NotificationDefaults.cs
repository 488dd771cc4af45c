namespace OneStop.Platform.Notifications;

/// <summary>The texts used until an administrator writes the province's own (Mẫu thông báo).</summary>
public static class NotificationDefaults
{
    public static (string Subject, string Body) For(string kind, string channel)
    {
        var (subject, text) = kind switch
        {
            NotificationKinds.Received => ("Đã tiếp nhận hồ sơ {ma_ho_so}", "{don_vi} đã tiếp nhận hồ sơ {ma_ho_so} ({thu_tuc}) của {nguoi_nop}. Hẹn trả kết quả: {han_tra}."),
            NotificationKinds.Refused => ("Hồ sơ {ma_ho_so} không được tiếp nhận", "Hồ sơ {ma_ho_so} ({thu_tuc}) không được tiếp nhận. Lý do: {ly_do}."),
            NotificationKinds.SupplementRequested => ("Hồ sơ {ma_ho_so} cần bổ sung", "Hồ sơ {ma_ho_so} ({thu_tuc}) cần bổ sung: {ly_do}. Thời hạn giải quyết tạm dừng cho đến khi nhận đủ hồ sơ."),
            NotificationKinds.FinancialObligation => ("Hồ sơ {ma_ho_so}: thông báo nghĩa vụ tài chính", "Hồ sơ {ma_ho_so} ({thu_tuc}) có nghĩa vụ tài chính cần thực hiện: {ly_do}."),
            NotificationKinds.Extended => ("Hồ sơ {ma_ho_so} được gia hạn — thư xin lỗi", "{don_vi} xin lỗi vì hồ sơ {ma_ho_so} ({thu_tuc}) chưa có kết quả đúng hẹn. Lý do: {ly_do}. Hẹn trả kết quả mới: {han_tra}."),
            NotificationKinds.Late => ("Hồ sơ {ma_ho_so} đã quá hạn — thư xin lỗi", "{don_vi} xin lỗi vì hồ sơ {ma_ho_so} ({thu_tuc}) đã quá hạn trả kết quả ({han_tra}). {ly_do} Chúng tôi sẽ thông báo ngày hẹn mới và trả kết quả sớm nhất."),
            NotificationKinds.ResultReady => ("Hồ sơ {ma_ho_so} đã có kết quả", "Hồ sơ {ma_ho_so} ({thu_tuc}) đã có kết quả. Mời ông/bà nhận kết quả theo hình thức đã đăng ký."),
            NotificationKinds.Returned => ("Đã trả kết quả hồ sơ {ma_ho_so}", "Kết quả hồ sơ {ma_ho_so} ({thu_tuc}) đã được trả. Cảm ơn ông/bà đã sử dụng dịch vụ."),
            _ => ("Thông báo về hồ sơ {ma_ho_so}", "Hồ sơ {ma_ho_so} có thay đổi."),
        };
        return channel == NotificationChannels.Email
            ? (subject, "Kính gửi ông/bà {nguoi_nop},\n\n" + text + "\n\nTra cứu hồ sơ: mã {ma_ho_so} và 4 số cuối số định danh tại Cổng dịch vụ công của tỉnh.")
            : ("", text);
    }

    /// <summary>Fills <c>{name}</c> placeholders; an unknown one stays as written so an administrator sees the typo.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{([a-z_]+)\}", m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
}
