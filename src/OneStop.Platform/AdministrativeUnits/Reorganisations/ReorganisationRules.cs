using OneStop.Platform.Domain;
using K = OneStop.Platform.AdministrativeUnits.Reorganisations.ReorganisationOperationKinds;
using OneStop.Platform.Localization;

namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>
/// Checks a change set against the units and agencies as they are: every code resolves on the right day, nothing is
/// retired twice, successors exist and are not themselves retired (no cycle), no unit is retired before it began, no
/// unit is left without its parent. Messages are by code (ADR 0020), with the file's line.
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
            problems.Add(new(0, Messages.Text(UnitsMessages.EffectiveOnOutOfRange)));
            return problems;
        }

        if (plan.Operations.Count == 0)
        {
            problems.Add(new(0, Messages.Text(UnitsMessages.NoOperations)));
        }

        if (plan.Title.Length > 256 || plan.LegalBasis.Length > 1024)
        {
            problems.Add(new(0, Messages.Text(UnitsMessages.TitleTooLong)));
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
                    K.RetireUnit => Messages.Text(UnitsMessages.UnitRetiredTwice, op.Code),
                    K.RetireAgency => Messages.Text(UnitsMessages.AgencyRetiredTwice, op.Code),
                    _ => Messages.Text(UnitsMessages.CreatedTwice, op.Code),
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
                default: Add(op, Messages.Text(UnitsMessages.OperationUnknown, op.Kind)); break;
            }
        }

        CheckCycles(problems);
        return problems;
    }

    private void CheckCreateUnit(ReorganisationOperation op, Action<ReorganisationOperation, string> add)
    {
        if (string.IsNullOrWhiteSpace(op.Name) || op.Name.Length > 256)
        {
            add(op, Messages.Text(UnitsMessages.NewUnitNameRequired, op.Code));
        }

        if (string.IsNullOrWhiteSpace(op.Level) || op.Level.Length > 32)
        {
            add(op, Messages.Text(UnitsMessages.NewUnitLevelMissing, op.Code));
        }

        if (op.Code.Length > 16 || op.UnitKind is { Length: > 32 } || op.DeskName is { Length: > 256 })
        {
            add(op, Messages.Text(UnitsMessages.NewUnitFieldsTooLong, op.Code));
        }

        if (units.FirstOrDefault(u => u.Code == op.Code && u.ValidFrom == _on) is { } twin)
        {
            add(op, Messages.Text(UnitsMessages.CodeUsedByOtherPlan, op.Code, twin.Name, _on));
        }
        else if (After(op.Code) is { } holder && holder.ValidFrom < _on)
        {
            add(op, Messages.Text(UnitsMessages.CodeHeld, op.Code, holder.Name, _on));
        }

        if (op.Level != UnitLevels.Province || op.ParentCode is not null)
        {
            if (op.ParentCode is null)
            {
                add(op, Messages.Text(UnitsMessages.NewUnitParentMissing, op.Code));
            }
            else if (!CreatedUnits.ContainsKey(op.ParentCode) && After(op.ParentCode) is null)
            {
                add(op, Messages.Text(UnitsMessages.ParentNotFound, op.ParentCode, op.Name, _on));
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
            add(op, Messages.Text(UnitsMessages.UnitAlreadyRetired, unit.Name, op.Code, validTo));
        }

        foreach (var child in units.Where(u => u.ParentId == unit.Id && u.IsValidOn(_before)))
        {
            if (!RetiredUnits.ContainsKey(child.Code))
            {
                add(op, Messages.Text(UnitsMessages.ChildRemains, unit.Name, child.Name, child.Code));
            }
        }

        if (op.SuccessorCodes.Count == 0)
        {
            add(op, Messages.Text(UnitsMessages.NoSuccessor, unit.Name, op.Code));
        }

        foreach (var successor in op.SuccessorCodes.Distinct())
        {
            if (successor == op.Code && !CreatedUnits.ContainsKey(successor))
            {
                add(op, Messages.Text(UnitsMessages.SelfSuccessor, unit.Name, op.Code));
            }
            else if (!CreatedUnits.ContainsKey(successor) && After(successor) is null && !RetiredUnits.ContainsKey(successor))
            {
                add(op, Messages.Text(UnitsMessages.SuccessorNotFound, successor, unit.Name, _on));
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
                add(op, Messages.Text(UnitsMessages.RenameNameRequired, unit.Name));
            }

            return unit;
        }

        if (units.Where(u => u.Code == op.Code).OrderBy(u => u.ValidFrom).FirstOrDefault(u => u.ValidFrom >= _on) is { } later
            && !units.Any(u => u.Code == op.Code && u.ValidFrom < _on))
        {
            add(op, Messages.Text(UnitsMessages.BeforeUnitStarts, _on, later.Name, op.Code, later.ValidFrom));
        }
        else if (units.Where(u => u.Code == op.Code).OrderByDescending(u => u.ValidTo).FirstOrDefault() is { ValidTo: { } gone } retired && gone <= _on)
        {
            add(op, Messages.Text(UnitsMessages.UnitGone, retired.Name, op.Code, gone));
        }
        else
        {
            add(op, Messages.Text(UnitsMessages.NoUnitOnDate, op.Code, _before));
        }

        return null;
    }

    private void CheckCreateAgency(ReorganisationOperation op, Action<ReorganisationOperation, string> add)
    {
        if (agencies.Any(a => a.Code == op.Code))
        {
            add(op, Messages.Text(UnitsMessages.AgencyCodeUsed, op.Code));
        }

        if (string.IsNullOrWhiteSpace(op.Name) || op.Name.Length > 256)
        {
            add(op, Messages.Text(UnitsMessages.NewAgencyNameRequired, op.Code));
        }

        if (op.UnitKind is not (AgencyKinds.Department or AgencyKinds.Vertical or AgencyKinds.ServiceCenter or AgencyKinds.OneStopDesk or AgencyKinds.Post or AgencyKinds.Office))
        {
            add(op, Messages.Text(UnitsMessages.NewAgencyKindInvalid, op.Code));
        }

        if (op.ParentCode is null || (!CreatedUnits.ContainsKey(op.ParentCode) && After(op.ParentCode) is null))
        {
            add(op, Messages.Text(UnitsMessages.NewAgencyUnitNotFound, op.Code, op.ParentCode ?? Messages.Text(UnitsMessages.EmptyCode), _on));
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
                add(op, Messages.Text(UnitsMessages.AgencySelfMerge, agency.Name));
            }
            else if (RetiredAgencies.ContainsKey(successor))
            {
                add(op, Messages.Text(UnitsMessages.SuccessorAgencyRetired, successor, agency.Name));
            }
            else if (!CreatedAgencies.ContainsKey(successor) && AgencyBefore(successor) is null)
            {
                add(op, Messages.Text(UnitsMessages.PlanSuccessorAgencyNotFound, successor, agency.Name));
            }
        }
    }

    private Agency? CheckAgency(ReorganisationOperation op, Action<ReorganisationOperation, string> add)
    {
        var agency = AgencyBefore(op.Code);
        if (agency is null)
        {
            add(op, agencies.FirstOrDefault(a => a.Code == op.Code) is { ValidTo: { } gone } a2
                ? Messages.Text(UnitsMessages.AgencyGone, a2.Name, op.Code, gone)
                : Messages.Text(UnitsMessages.NoAgencyOnDate, op.Code, _before));
            return null;
        }

        if (op.Kind == K.RenameAgency && (string.IsNullOrWhiteSpace(op.Name) || op.Name.Length > 256))
        {
            add(op, Messages.Text(UnitsMessages.RenameNameRequired, agency.Name));
        }

        if (op.Kind == K.MoveAgency && (op.ParentCode is null || (!CreatedUnits.ContainsKey(op.ParentCode) && After(op.ParentCode) is null)))
        {
            add(op, Messages.Text(UnitsMessages.MoveUnitNotFound, agency.Name, op.ParentCode ?? Messages.Text(UnitsMessages.EmptyCode), _on));
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
                    ? Messages.Text(UnitsMessages.SuccessionCycle, string.Join(" → ", chain))
                    : Messages.Text(UnitsMessages.SuccessorRetired, successor, op.Code)));
            }
        }
    }
}
