namespace OneStop.Platform.Web;

/// <summary>A request that checks itself with hand-written Vietnamese messages: the style being replaced by validators (ADR 0020).</summary>
public interface IValidatableRequest
{
    IEnumerable<ValidationError> Validate();
}
