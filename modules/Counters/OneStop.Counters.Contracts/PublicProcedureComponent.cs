namespace OneStop.Counters.Contracts;

/// <summary>Thành phần hồ sơ: a document to hand in, and in which form (bản chính, bản sao, bản sao có chứng thực, bản điện tử).</summary>
public sealed record PublicProcedureComponent(string Name, bool Required, string SubmissionForm);
