using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParseJobs.Api.Jobs;

/// <summary>
/// JSON stored as the runner serialised it, written into a response as is: no deserialise-serialise per GET, and
/// the key order stays the documented one.
/// </summary>
[JsonConverter(typeof(Converter))]
public sealed class StoredJson(string json)
{
    public string Json { get; } = json;

    private sealed class Converter : JsonConverter<StoredJson>
    {
        public override StoredJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return new StoredJson(document.RootElement.GetRawText());
        }

        // The text was produced by System.Text.Json itself when the job ended: valid, so not validated again.
        public override void Write(Utf8JsonWriter writer, StoredJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Json, skipInputValidation: true);
    }
}
