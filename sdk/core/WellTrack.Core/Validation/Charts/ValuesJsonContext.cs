using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace WellTrack.Core.Validation.Charts;

/// <summary>Source-generated serialization of the merged values, so schema checks need no reflection (the native
/// welltrack tool has none to offer).</summary>
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class ValuesJsonContext : JsonSerializerContext;
