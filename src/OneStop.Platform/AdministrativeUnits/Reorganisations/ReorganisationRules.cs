using OneStop.Platform.Domain;
using K = OneStop.Platform.AdministrativeUnits.Reorganisations.ReorganisationOperationKinds;

namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>
/// Checks a change set against the units and agencies as they are: every code resolves on the right day, nothing is
/// retired twice, successors exist and are not themselves retired (no cycle), no unit is retired before it began, no
/// unit is left without its parent. Messages are Vietnamese, with the file's line.
/// </summary>
internal sealed class ReorganisationRules(ReorganisationPlan plan, IReadOnlyList<AdministrativeUnit> units, IReadOnlyList<Agency> agencies)
{
    private readonly DateOnly _on = plan.EffectiveOn;
    private readonly DateOnly _before = plan.EffectiveOn.AddDays(-1);

    public Dictionary<string, ReorganisationOperation> CreatedUnits { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ReorganisationOperation> RetiredUnits { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ReorganisationOperation> CreatedAgencies { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ReorganisationOperation> RetiredAgencies { get; } = new(StringComparer.Ordinal);

    /// <summary>The unit holding <paramref name="code"/> the day before the change set (the world it changes).</summary>
    public AdministrativeUnit? Before(string code) => units.FirstOrDefault(u => u.Code == code && u.IsValidOn(_before));

    /// <summary>The live unit a code names on the effective date once the change set is applied (null when created by it).</summary>
    public AdministrativeUnit? After(string code) =>
        RetiredUnits.ContainsKey(code) && !CreatedUnits.ContainsKey(code) ? null
        : units.FirstOrDefault(u => u.Code == code && u.IsValidOn(_on) && !(RetiredUnits.ContainsKey(code) && u.IsValidOn(_before)));

    public Agency? AgencyBefore(string code) => agencies.FirstOrDefault(a => a.Code == code && a.IsValidOn(_before));

    public List<ReorganisationProblem> Check()
    {
        var problems = new List<ReorganisationProblem>();
        void Add(ReorganisationOperation op, string message) => problems.Add(new(op.Line, message));

        if (_on.Year is < 2000 or > 2100)
        {
            problems.Add(new(0, "Ngày có hiệu lực phải trong khoảng năm 2000–2100."));
            return problems;
        }

        if (plan.Operations.Count == 0)
        {
            problems.Add(new(0, "Phương án không có thao tác nào."));
        }

        if (plan.Title.Length > 256 || plan.LegalBasis.Length > 1024)
        {
            problems.Add(new(0, "Tên phương án tối đa 256 ký tự, căn cứ pháp lý tối đa 1024 ký tự."));
        }

        foreach (var op in plan.Operations)
        {
            var target = op.Kind switch
            {
                K.CreateUnit => CreatedUnits,
                K.RetireUnit => RetiredUnits,
                K.CreateAgency => CreatedAgencies,
                K.RetireAgency => RetiredAgencies,
                _ => null,
            };
            if (target is not null && !target.TryAdd(op.Code, op))
            {
                Add(op, op.Kind switch
                {
                    K.RetireUnit => $"Đơn vị mã {op.Code} bị thôi hiệu lực hai lần trong phương án.",
                    K.RetireAgency => $"Cơ quan mã {op.Code} bị thôi hiệu lực hai lần trong phương án.",
                    _ => $"Mã {op.Code} được thành lập hai lần trong phương án.",
                });
            }
        }

        foreach (var op in plan.Operations)
        {
            switch (op.Kind)
            {
                case K.CreateUnit: CheckCreateUnit(op, Add); break;
                case K.RetireUnit: CheckRetireUnit(op, Add); break;
                case K.RenameUnit: CheckExisting(op, Add, rename: true); break;
                case K.CreateAgency: CheckCreateAgency(op, Add); break;
                case K.RetireAgency: CheckRetireAgency(op, Add); break;
                case K.RenameAgency or K.MoveAgency: CheckAgency(op, Add); break;
                default: Add(op, $"Thao tác '{op.Kind}' không hợp lệ."); break;
            }
        }

        CheckCycles(problems);
        return problems;
    }

    private void CheckCreateUnit(ReorganisationOperation op, Action<ReorganisationOperation, string> add)
    {
        if (string.IsNullOrWhiteSpace(op.Name) || op.Name.Length > 256)
        {
            add(op, $"Đơn vị mới mã {op.Code}: tên bắt buộc, tối đa 256 ký tự.");
        }

        if (string.IsNullOrWhiteSpace(op.Level) || op.Level.Length > 32)
        {
            add(op, $"Đơn vị mới mã {op.Code}: thiếu cấp (province, district, commune).");
        }

        if (op.Code.Length > 16 || op.UnitKind is { Length: > 32 } || op.DeskName is { Length: > 256 })
        {
            add(op, $"Đơn vị mới mã {op.Code}: mã tối đa 16 ký tự, loại tối đa 32 ký tự, tên bộ phận tiếp nhận tối đa 256 ký tự.");
        }

        if (units.FirstOrDefault(u => u.Code == op.Code && u.ValidFrom == _on) is { } twin)
        {
            add(op, $"Mã {op.Code} đã được dùng cho {twin.Name} từ ngày {_on:dd/MM/yyyy} (một phương án khác).");
        }
        else if (After(op.Code) is { } holder && holder.ValidFrom < _on)
        {
            add(op, $"Mã {op.Code} đang thuộc {holder.Name} vào ngày {_on:dd/MM/yyyy}; hãy cho đơn vị đó thôi hiệu lực trong cùng phương án.");
        }

        if (op.Level != UnitLevels.Province || op.ParentCode is not null)
        {
            if (op.ParentCode is null)
            {
                add(op, $"Đơn vị mới mã {op.Code}: thiếu mã đơn vị cấp trên.");
            }
            else if (!CreatedUnits.ContainsKey(op.ParentCode) && After(op.ParentCode) is null)
            {
                add(op, $"Đơn vị cấp trên mã {op.ParentCode} của {op.Name} không tồn tại vào ngày {_on:dd/MM/yyyy} (hoặc bị thôi hiệu lực trong phương án này).");
            }
        }
    }

    private void CheckRetireUnit(ReorganisationOperation op, Action<ReorganisationOperation, string> add)
    {
        var unit = CheckExisting(op, add, rename: false);
        if (unit is null)
        {
            return;
        }

        if (unit.ValidTo is { } validTo && validTo <= _on)
        {
            add(op, $"{unit.Name} (mã {op.Code}) đã thôi hiệu lực từ ngày {validTo:dd/MM/yyyy}: không thể thôi hiệu lực lần nữa.");
        }

        foreach (var child in units.Where(u => u.ParentId == unit.Id && u.IsValidOn(_before)))
        {
            if (!RetiredUnits.ContainsKey(child.Code))
            {
                add(op, $"{unit.Name} thôi hiệu lực nhưng đơn vị trực thuộc {child.Name} (mã {child.Code}) vẫn còn: hãy sắp xếp cả đơn vị này.");
            }
        }

        if (op.SuccessorCodes.Count == 0)
        {
            add(op, $"{unit.Name} (mã {op.Code}) thôi hiệu lực nhưng không có đơn vị kế thừa: hồ sơ và con người của đơn vị sẽ không có nơi nhận.");
        }

        foreach (var successor in op.SuccessorCodes.Distinct())
        {
            if (successor == op.Code && !CreatedUnits.ContainsKey(successor))
            {
                add(op, $"{unit.Name} (mã {op.Code}) không thể kế thừa chính nó.");
            }
            else if (!CreatedUnits.ContainsKey(successor) && After(successor) is null && !RetiredUnits.ContainsKey(successor))
            {
                add(op, $"Đơn vị kế thừa mã {successor} của {unit.Name} không tồn tại vào ngày {_on:dd/MM/yyyy} và không được thành lập trong phương án.");
            }
        }
    }

    private AdministrativeUnit? CheckExisting(ReorganisationOperation op, Action<ReorganisationOperation, string> add, bool rename)
    {
        var unit = Before(op.Code);
        if (unit is not null)
        {
            if (rename && (string.IsNullOrWhiteSpace(op.Name) || op.Name.Length > 256 || op.UnitKind is { Length: > 32 }))
            {
                add(op, $"Đổi tên {unit.Name}: tên mới bắt buộc, tối đa 256 ký tự.");
            }

            return unit;
        }

        if (units.Where(u => u.Code == op.Code).OrderBy(u => u.ValidFrom).FirstOrDefault(u => u.ValidFrom >= _on) is { } later
            && !units.Any(u => u.Code == op.Code && u.ValidFrom < _on))
        {
            add(op, $"Ngày có hiệu lực {_on:dd/MM/yyyy} trước ngày {later.Name} (mã {op.Code}) bắt đầu ({later.ValidFrom:dd/MM/yyyy}).");
        }
        else if (units.Where(u => u.Code == op.Code).OrderByDescending(u => u.ValidTo).FirstOrDefault() is { ValidTo: { } gone } retired && gone <= _on)
        {
            add(op, $"{retired.Name} (mã {op.Code}) đã thôi hiệu lực từ ngày {gone:dd/MM/yyyy}: không thể thôi hiệu lực hay đổi tên lần nữa.");
        }
        else
        {
            add(op, $"Không có đơn vị hành chính mã {op.Code} vào ngày {_before:dd/MM/yyyy}.");
        }

        return null;
    }

    private void CheckCreateAgency(ReorganisationOperation op, Action<ReorganisationOperation, string> add)
    {
        if (agencies.Any(a => a.Code == op.Code))
        {
            add(op, $"Mã cơ quan {op.Code} đã được dùng (mã cơ quan không dùng lại, để mã hồ sơ cũ vẫn tra cứu được).");
        }

        if (string.IsNullOrWhiteSpace(op.Name) || op.Name.Length > 256)
        {
            add(op, $"Cơ quan mới mã {op.Code}: tên bắt buộc, tối đa 256 ký tự.");
        }

        if (op.UnitKind is not (AgencyKinds.Department or AgencyKinds.Vertical or AgencyKinds.ServiceCenter or AgencyKinds.OneStopDesk or AgencyKinds.Post or AgencyKinds.Office))
        {
            add(op, $"Cơ quan mới mã {op.Code}: loại phải là department, vertical, service-center, one-stop-desk, post hoặc office.");
        }

        if (op.ParentCode is null || (!CreatedUnits.ContainsKey(op.ParentCode) && After(op.ParentCode) is null))
        {
            add(op, $"Cơ quan mới mã {op.Code}: đơn vị hành chính mã {op.ParentCode ?? "(trống)"} không tồn tại vào ngày {_on:dd/MM/yyyy}.");
        }
    }

    private void CheckRetireAgency(ReorganisationOperation op, Action<ReorganisationOperation, string> add)
    {
        if (CheckAgency(op, add) is not { } agency)
        {
            return;
        }

        foreach (var successor in op.SuccessorCodes)
        {
            if (successor == op.Code)
            {
                add(op, $"{agency.Name} không thể hợp nhất vào chính nó.");
            }
            else if (RetiredAgencies.ContainsKey(successor))
            {
                add(op, $"Cơ quan tiếp nhận mã {successor} của {agency.Name} cũng bị thôi hiệu lực trong phương án này.");
            }
            else if (!CreatedAgencies.ContainsKey(successor) && AgencyBefore(successor) is null)
            {
                add(op, $"Cơ quan tiếp nhận mã {successor} của {agency.Name} không tồn tại.");
            }
        }
    }

    private Agency? CheckAgency(ReorganisationOperation op, Action<ReorganisationOperation, string> add)
    {
        var agency = AgencyBefore(op.Code);
        if (agency is null)
        {
            add(op, agencies.FirstOrDefault(a => a.Code == op.Code) is { ValidTo: { } gone } a2
                ? $"{a2.Name} (mã {op.Code}) đã thôi hiệu lực từ ngày {gone:dd/MM/yyyy}."
                : $"Không có cơ quan mã {op.Code} vào ngày {_before:dd/MM/yyyy}.");
            return null;
        }

        if (op.Kind == K.RenameAgency && (string.IsNullOrWhiteSpace(op.Name) || op.Name.Length > 256))
        {
            add(op, $"Đổi tên {agency.Name}: tên mới bắt buộc, tối đa 256 ký tự.");
        }

        if (op.Kind == K.MoveAgency && (op.ParentCode is null || (!CreatedUnits.ContainsKey(op.ParentCode) && After(op.ParentCode) is null)))
        {
            add(op, $"Chuyển {agency.Name}: đơn vị hành chính mã {op.ParentCode ?? "(trống)"} không tồn tại vào ngày {_on:dd/MM/yyyy}.");
        }

        return agency;
    }

    /// <summary>A successor retired by the same change set hands over to nobody; when the chain comes back, say it is a cycle.</summary>
    private void CheckCycles(List<ReorganisationProblem> problems)
    {
        foreach (var op in RetiredUnits.Values)
        {
            foreach (var successor in op.SuccessorCodes.Where(s => s != op.Code && RetiredUnits.ContainsKey(s) && !CreatedUnits.ContainsKey(s)))
            {
                var chain = new List<string> { op.Code, successor };
                var current = successor;
                while (RetiredUnits.TryGetValue(current, out var next) && next.SuccessorCodes.Count > 0 && chain.Count < 50)
                {
                    current = next.SuccessorCodes[0];
                    if (chain.Contains(current))
                    {
                        chain.Add(current);
                        break;
                    }

                    chain.Add(current);
                }

                problems.Add(new(op.Line, chain.Count(c => c == chain[^1]) > 1
                    ? $"Phương án có vòng kế thừa: {string.Join(" → ", chain)}."
                    : $"Đơn vị kế thừa mã {successor} của mã {op.Code} cũng bị thôi hiệu lực trong phương án này."));
            }
        }
    }
}
