using System.Text;
using System.Text.Json;

namespace ReefDB.Node.Tests.Cluster;

internal sealed partial class NodeProcess
{
    /// <summary>Any HTTP call on this node; the body is parsed when it is JSON (default otherwise).</summary>
    public async Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonElement body = default;
        try
        {
            body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not JSON (a plain-text error from the web server itself): the status tells the story.
        }

        return ((int)response.StatusCode, body);
    }
}
