namespace WellTrack.Templating.Charts;

/// <summary>A <c>--set</c> argument strvals rejects; the message is strvals' own error text.</summary>
public sealed class StrvalsException(string message) : Exception(message);
