namespace Consumer;

/// <summary>Hand-written code of the consumer that uses the generated client.</summary>
public static class Usage
{
    /// <summary>Creates the client.</summary>
    public static Api.SnapshotsApiClient Create(HttpClient http) => new(http);
}
