using OneStop.Platform;
using System.Globalization;
using System.Text.RegularExpressions;
using OneStop.Platform.Calendar;

namespace OneStop.Counters.Domain.Catalogue;

/// <summary>A legal time per channel read from the catalogue CSV.</summary>
internal sealed record ChannelTime(string Channel, decimal Value, string Unit);

/// <summary>A fee per channel read from the catalogue CSV.</summary>
internal sealed record ChannelFee(string Channel, string Kind, decimal AmountVnd);

/// <summary>
/// Reads the catalogue's <c>channel_processing</c> ("ONLINE:5 WORKING_DAY;DIRECT:7 WORKING_DAY") and <c>fees_vnd</c>
/// ("DIRECT:SERVICE_FEE=8000") columns. Rules: the first value per channel wins (later ones are other cases);
/// WORKING_DAY is taken as is, HOUR as working hours; OTHER means the portal lost the unit, so the largest working-day
/// time of <c>processing_cases</c> is used when there is one (1.001193: 1 OTHER, cases 1 WORKING_DAY → 1 working day);
/// calendar DAY and MONTH are not working time and stay unknown (no row) until an administrator converts them.
/// </summary>
internal static partial class CatalogueCsv
{
    [GeneratedRegex(@"^(DIRECT|ONLINE|POSTAL):(\d+(?:[.,]\d+)?) ([A-Z_]+)$")]
    private static partial Regex ChannelPattern();

    [GeneratedRegex(@":(\d+(?:[.,]\d+)?) WORKING_DAY$")]
    private static partial Regex CasePattern();

    [GeneratedRegex(@"^(DIRECT|ONLINE|POSTAL):([A-Z_]+)=(\d+(?:\.\d+)?)$")]
    private static partial Regex FeePattern();

    public static IReadOnlyList<string> ChannelsOf(string channelProcessing) =>
        channelProcessing.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split(':')[0]).Where(c => Channels.All.Contains(c)).Distinct().ToList();

    public static IReadOnlyList<ChannelTime> Times(string channelProcessing, string processingCases)
    {
        var caseDays = processingCases.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => CasePattern().Match(c)).Where(m => m.Success).Select(m => Number(m.Groups[1].Value)).ToList();
        var result = new List<ChannelTime>();
        foreach (var part in channelProcessing.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var m = ChannelPattern().Match(part);
            if (!m.Success || result.Any(t => t.Channel == m.Groups[1].Value))
            {
                continue;
            }

            var channel = m.Groups[1].Value;
            var value = Number(m.Groups[2].Value);
            var time = m.Groups[3].Value switch
            {
                "WORKING_DAY" => new ChannelTime(channel, value, LegalTimeUnits.WorkingDay),
                "HOUR" => new ChannelTime(channel, value, LegalTimeUnits.WorkingHour),
                "OTHER" when caseDays.Count > 0 => new ChannelTime(channel, caseDays.Max(), LegalTimeUnits.WorkingDay),
                _ => null,
            };
            if (time is not null)
            {
                result.Add(time);
            }
        }

        return result;
    }

    public static IReadOnlyList<ChannelFee> Fees(string fees) =>
        fees.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => FeePattern().Match(f)).Where(m => m.Success)
            .Select(m => new ChannelFee(m.Groups[1].Value, m.Groups[2].Value, Number(m.Groups[3].Value)))
            .ToList();

    private static decimal Number(string text) => decimal.Parse(text.Replace(',', '.'), CultureInfo.InvariantCulture);
}
