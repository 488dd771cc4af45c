using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneStop.Platform.TestKit;
using Xunit.Abstractions;

namespace OneStop.Platform.Tests;

/// <summary>
/// Hostile input at the edge (issue 19, ADR 0034): every operation of the OpenAPI document gets a fixed, deterministic
/// set of malformed requests (wrong types, nulls, null items in arrays, edge dates, huge strings and numbers, unknown
/// enum values, missing or wrong bodies and content types, bad ids, cursors and paging values) from several roles.
/// None may answer 5xx, and every 4xx is a ProblemDetails with a stable code. The class has its own host and database,
/// so whatever a malformed request manages to write touches no other test's data.
/// </summary>
public sealed class MalformedInputTests(MalformedInputTests.Fixture fx, ITestOutputHelper output) : IClassFixture<MalformedInputTests.Fixture>
{
    /// <summary>Its own host and database: the requests below write whatever the API accepts.</summary>
    public sealed class Fixture : OneStopFactory;

    // A system admin (every permission), a provincial leader and a commune desk officer (PlatformSeeder.DemoUsers).
    private static readonly string[] Roles = ["admin", "lanhdao.tinh", "motcua.camthuong"];
    private const string RandomGuid = "5b1f0c3e-8a47-4f7e-9d2c-6e0a1b2c3d4e";
    private const string Huge = "huge (1 MB)";
    private static readonly string OneMegabyte = new('ư', 512 * 1024); // two bytes each in UTF-8
    private static readonly string[] EdgeDates = ["0001-01-01", "9999-12-31", "0000-01-01", "-0001-01-01", "2025-02-30", "1899-12-31", "2101-01-01"];
    private static readonly string[] EdgeDateTimes = ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2025-02-30T00:00:00Z", "0000-01-01T00:00:00Z"];
    private static readonly HashSet<string> Methods = ["get", "post", "put", "delete", "patch"];

    [Fact]
    public async Task Every_operation_answers_malformed_input_with_a_4xx_ProblemDetails_and_never_a_5xx()
    {
        var watch = Stopwatch.StartNew();
        var document = JsonDocument.Parse(await fx.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var operations = new List<Operation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)))
            {
                operations.Add(new Operation(method.Name.ToUpperInvariant(), path.Name, method.Value));
            }
        }

        var cases = operations.SelectMany(o => new Generator(schemas).Cases(o)).ToList();
        // Unknown routes and methods under /api are the framework's own answers: ProblemDetails too.
        cases.Add(new Case("GET /api/v1/nowhere", "unknown route", HttpMethod.Get, "/api/v1/nowhere", null));
        cases.Add(new Case("GET /api/nowhere", "unknown route", HttpMethod.Get, "/api/nowhere/at/all", null));
        cases.AddRange(operations.Select(o => o.Path).Distinct().Select(p =>
            new Case("PATCH " + p, "method not allowed", HttpMethod.Patch, Generator.FillPath(p, RandomGuid), () => Json("{}"))));

        var byClass = new SortedDictionary<string, int>();
        var failures = new Dictionary<string, string>();
        var requests = 0;
        foreach (var role in Roles)
        {
            var client = await fx.SignInAsync(role);
            foreach (var c in cases)
            {
                using var request = new HttpRequestMessage(c.Method, c.Url) { Content = c.Content?.Invoke() };
                foreach (var (name, value) in c.Headers ?? [])
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                using var response = await client.SendAsync(request);
                requests++;
                var status = (int)response.StatusCode;
                byClass[$"{status / 100}xx"] = byClass.GetValueOrDefault($"{status / 100}xx") + 1;
                var problem = status >= 500 ? "a 5xx" : status >= 400 ? await NotAProblem(response) : null;
                if (problem is not null)
                {
                    var key = $"{c.Operation} [{c.Name}] → {status}";
                    if (!failures.ContainsKey(key))
                    {
                        var body = await response.Content.ReadAsStringAsync();
                        failures[key] = $"{key} as {role}: {problem}; {c.Url[..Math.Min(c.Url.Length, 200)]} {body[..Math.Min(body.Length, 400)]}";
                    }
                }
            }
        }

        watch.Stop();
        var counts = $"Malformed input: {requests} requests, {operations.Count} operations, {Roles.Length} roles ({string.Join(", ", Roles)}), "
            + string.Join(", ", byClass.Select(kv => $"{kv.Key} {kv.Value}")) + $", {watch.Elapsed.TotalSeconds:0} s";
        output.WriteLine(counts);
        Console.WriteLine(counts);
        foreach (var failure in failures.Values.Order())
        {
            output.WriteLine(failure);
        }

        operations.Count.ShouldBeGreaterThan(100);
        failures.Values.Order().ShouldBeEmpty($"{failures.Count} distinct requests were answered with a 5xx or a 4xx that is not ProblemDetails");
    }

    [Fact]
    public async Task Edge_dates_null_items_and_NUL_are_refused_by_field_in_the_readers_language_and_framework_refusals_carry_codes()
    {
        var desk = await fx.SignInAsync("motcua.camthuong");
        var admin = await fx.SignInAsync("admin");

        var date = await Problem(await desk.GetAsync("/api/v1/counters/dossiers?receivedFrom=0001-01-01"), 400, "Platform.ValidationFailed");
        date.GetProperty("errors").GetProperty("receivedFrom")[0].GetString().ShouldBe("Ngày phải trong khoảng từ 01/01/1900 đến 31/12/2100.");
        using var english = new HttpRequestMessage(HttpMethod.Get, "/api/v1/counters/dossiers?receivedTo=9999-12-31");
        english.Headers.AcceptLanguage.ParseAdd("en");
        (await Problem(await desk.SendAsync(english), 400, "Platform.ValidationFailed")).GetProperty("errors").GetProperty("receivedTo")[0].GetString()
            .ShouldBe("The date must be between 01/01/1900 and 31/12/2100.");

        var nullItem = await Problem(await admin.PostAsync("/api/v1/counters/calendar/due-date", Json("{\"receivedAt\":\"2025-06-02T08:00\",\"stops\":[null]}")), 400, "Platform.ValidationFailed");
        nullItem.GetProperty("errors").GetProperty("Stops[0]")[0].GetString().ShouldBe("Danh sách không được có phần tử rỗng (null).");

        var nul = await Problem(await admin.GetAsync("/api/v1/platform/users?q=a%00b"), 400, "Platform.ValidationFailed");
        nul.GetProperty("errors").GetProperty("q")[0].GetString().ShouldBe("Không được chứa ký tự NUL (mã 0).");

        await Problem(await admin.PatchAsync("/api/v1/me", Json("{}")), 405, "Platform.MethodNotAllowed");
        await Problem(await admin.PostAsync($"/api/v1/plantasks/assignments/{RandomGuid}/reports", Raw("x", "text/plain")), 415, "Platform.UnsupportedMediaType");
        await Problem(await admin.PostAsync($"/api/v1/plantasks/assignments/{RandomGuid}/reports", Raw("{}", null)), 415, "Platform.UnsupportedMediaType");
        await Problem(await admin.GetAsync("/api/v1/nowhere"), 404, "Platform.NotFound");

        var notInRegister = await Problem(await desk.GetAsync("/api/v1/integration/enterprises/0801234000"), 404, "Integration.NotInRegister");
        notInRegister.GetProperty("outcome").GetString().ShouldBe("NotFound");
        notInRegister.GetProperty("title").GetString().ShouldBe(notInRegister.GetProperty("message").GetString());
        await Problem(await desk.GetAsync("/api/v1/integration/land-parcels/" + new string('9', 200)), 400, "Integration.InvalidLookupKey");
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, int status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("code").GetString().ShouldBe(code, body);
        return problem;
    }

    /// <summary>Why a 4xx is not our ProblemDetails (application/problem+json with type, title, status and code); null when it is.</summary>
    private static async Task<string?> NotAProblem(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"content type {response.Content.Headers.ContentType?.MediaType ?? "none"}";
        }

        try
        {
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var missing = new[] { "type", "title", "code" }.Where(p => !problem.TryGetProperty(p, out var v) || v.ValueKind != JsonValueKind.String || v.GetString()!.Length == 0).ToList();
            if (!problem.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Number || status.GetInt32() != (int)response.StatusCode)
            {
                missing.Add("status");
            }

            return missing.Count == 0 ? null : "ProblemDetails without " + string.Join(", ", missing);
        }
        catch (JsonException)
        {
            return "a body that is not JSON";
        }
    }

    private static HttpContent Json(string body) => new StringContent(body, Encoding.UTF8, "application/json");

    private static HttpContent Raw(string body, string? mediaType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (mediaType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
        }

        return content;
    }

    private sealed record Operation(string Method, string Path, JsonElement Spec)
    {
        public string Name => $"{Method} {Path}";
    }

    private sealed record Case(string Operation, string Name, HttpMethod Method, string Url, Func<HttpContent?>? Content, (string, string)[]? Headers = null);

    /// <summary>The fixed set of malformed requests for one operation, from its parameters and body schema.</summary>
    private sealed class Generator(JsonElement schemas)
    {
        public IEnumerable<Case> Cases(Operation op)
        {
            var method = new HttpMethod(op.Method);
            var parameters = op.Spec.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray().Select(p => (Name: p.GetProperty("name").GetString()!, In: p.GetProperty("in").GetString()!, Schema: Resolve(p.GetProperty("schema")))).ToList() : [];
            var pathParameters = parameters.Where(p => p.In == "path").ToList();
            var baseUrl = FillPath(op.Path, null, pathParameters.ToDictionary(p => p.Name, p => BaselinePathValue(p.Schema)));
            var body = Body(op.Spec);
            Func<HttpContent?>? baselineContent = body switch
            {
                ({ } json, _) => () => Json(json.ToJsonString()),
                (null, true) => () => Multipart(null),
                _ => null,
            };

            yield return new Case(op.Name, "baseline", method, baseUrl, baselineContent);

            // Bad ids and values in the path.
            foreach (var p in pathParameters)
            {
                foreach (var value in new[] { "not-a-guid", "-1", "0", "00000000-0000-0000-0000-000000000000", new string('9', 2000), " ", "x%20y", "..%2F..%2Fetc" })
                {
                    var values = pathParameters.ToDictionary(q => q.Name, q => q.Name == p.Name ? value : BaselinePathValue(q.Schema));
                    yield return new Case(op.Name, $"path {p.Name}={Short(value)}", method, FillPath(op.Path, null, values, encode: !value.Contains('%')), baselineContent);
                }
            }

            // Wrong types, edge and huge values, bad cursors and paging values in the query.
            foreach (var p in parameters.Where(p => p.In == "query"))
            {
                foreach (var value in QueryValues(p.Name, p.Schema))
                {
                    var url = baseUrl + "?" + Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(value);
                    yield return new Case(op.Name, $"query {p.Name}={Short(value)}", method, url, baselineContent);
                }
            }

            if (body.Json is { } baseline)
            {
                foreach (var c in JsonBodyCases(op, method, baseUrl, baseline))
                {
                    yield return c;
                }
            }
            else if (body.Form)
            {
                foreach (var c in FormCases(op, method, baseUrl, op.Spec))
                {
                    yield return c;
                }
            }
            else if (op.Method is "POST" or "PUT")
            {
                // An operation without a body still gets one, of a type nobody asked for.
                yield return new Case(op.Name, "unexpected body", method, baseUrl, () => Json("{\"x\":" + new string('[', 10) + "1" + new string(']', 10) + "}"));
                yield return new Case(op.Name, "multipart without Content-Type", method, baseUrl, () => Raw(MultipartText, null));
            }
        }

        private IEnumerable<Case> JsonBodyCases(Operation op, HttpMethod method, string url, JsonNode baseline)
        {
            var text = baseline.ToJsonString();
            Case C(string name, Func<HttpContent?>? content, (string, string)[]? headers = null) => new(op.Name, name, method, url, content, headers);

            yield return C("missing body", null);
            yield return C("empty body as JSON", () => Raw("", "application/json"));
            yield return C("body without Content-Type", () => Raw(text, null));
            yield return C("body as text/plain", () => Raw(text, "text/plain"));
            yield return C("body as XML", () => Raw("<x/>", "application/xml"));
            yield return C("multipart without Content-Type", () => Raw(MultipartText, null));
            yield return C("multipart without boundary", () => Raw(MultipartText, "multipart/form-data"));
            yield return C("form instead of JSON", () => new FormUrlEncodedContent([new("x", "1")]));
            yield return C("broken JSON", () => Json("{not json"));
            yield return C("JSON null", () => Json("null"));
            yield return C("JSON array", () => Json("[]"));
            yield return C("JSON array of null", () => Json("[null]"));
            yield return C("JSON string", () => Json("\"text\""));
            yield return C("JSON number", () => Json("1e400"));
            yield return C("too deep", () => Json("{\"x\":" + new string('[', 300) + new string(']', 300) + "}"));
            yield return C("empty object", () => Json("{}"));
            yield return C("huge idempotency key", () => Json(text), [("Idempotency-Key", new string('k', 10_000))]);
            if (baseline is JsonObject)
            {
                yield return C("every string " + Huge, () => Json(Mutate(baseline, (node, kind) => kind == "string" ? JsonValue.Create(OneMegabyte) : null).ToJsonString()));
                yield return C("unknown properties", () => Json(text[..^1] + (text.Length > 2 ? "," : "") + "\"zzUnknown\":{\"a\":[1,2,3]}}"));
            }

            foreach (var (pathToField, kind, fieldSchema) in Fields(BodySchema(op.Spec)!.Value, [], 0))
            {
                var label = string.Join(".", pathToField);
                foreach (var (name, value) in FieldValues(kind, fieldSchema))
                {
                    yield return C($"{label}={name}", () => Json(Set(baseline, pathToField, value?.DeepClone()).ToJsonString()));
                }
            }
        }

        private IEnumerable<Case> FormCases(Operation op, HttpMethod method, string url, JsonElement spec)
        {
            Case C(string name, Func<HttpContent?>? content) => new(op.Name, name, method, url, content);
            yield return C("missing body", null);
            yield return C("multipart without Content-Type", () => Raw(MultipartText, null));
            yield return C("multipart without boundary", () => Raw(MultipartText, "multipart/form-data"));
            yield return C("JSON instead of a form", () => Json("{}"));
            yield return C("empty multipart", () => new MultipartFormDataContent());
            yield return C("broken multipart", () => Raw("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nno end", "multipart/form-data; boundary=b"));
            yield return C("empty file", () => Multipart(null, file: []));
            yield return C("file named ../../x.pdf", () => Multipart(null, fileName: "../../x.pdf"));
            var schema = FormSchema(spec);
            foreach (var (name, kind, _) in schema is { } s ? Fields(s, [], 1) : [])
            {
                if (kind is "file" or "files")
                {
                    continue;
                }

                foreach (var value in new[] { "", "abc", "-1", "0001-01-01", "2025-02-30", "99999999999999999999", new string('x', 100_000) })
                {
                    yield return C($"form {name[0]}={Short(value)}", () => Multipart((name[0], value)));
                }
            }
        }

        private const string MultipartText = "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--b--\r\n";

        private static HttpContent Multipart((string Name, string Value)? field, byte[]? file = null, string fileName = "giay-to.pdf")
        {
            var content = new MultipartFormDataContent();
            if (field is { } f)
            {
                content.Add(new StringContent(f.Value), f.Name);
            }

            var bytes = new ByteArrayContent(file ?? "%PDF-1.4\n%%EOF\n"u8.ToArray());
            bytes.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(bytes, "file", fileName);
            var files = new ByteArrayContent(file ?? "%PDF-1.4\n%%EOF\n"u8.ToArray());
            files.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(files, "files", fileName);
            return content;
        }

        private static IEnumerable<string> QueryValues(string name, JsonElement schema)
        {
            var (kind, _) = Kind(schema);
            IEnumerable<string> values = kind switch
            {
                "integer" => ["abc", "-1", "0", "99999999999999999999", "2147483648", "1.5"],
                "number" => ["abc", "-1", "1e400", "NaN"],
                "date" => [.. EdgeDates, "abc"],
                "date-time" => [.. EdgeDateTimes, "abc"],
                "uuid" => ["not-a-guid", "00000000-0000-0000-0000-000000000000"],
                "boolean" => ["maybe", "2"],
                "enum" => ["NoSuchValue", "99"],
                _ => [new string('x', 10_000), "", "\0", "' OR 1=1 --"],
            };
            return name.Contains("cursor", StringComparison.OrdinalIgnoreCase)
                ? values.Concat(["khong-hop-le!", "eyJ4IjoxfQ", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"])
                : values;
        }

        /// <summary>Values that replace one field of an otherwise plausible body.</summary>
        private IEnumerable<(string Name, JsonNode? Value)> FieldValues(string kind, JsonElement schema)
        {
            yield return ("null", null);
            switch (kind)
            {
                case "string":
                    yield return ("number", JsonValue.Create(12345));
                    yield return ("object", new JsonObject { ["a"] = 1 });
                    break;
                case "uuid":
                    yield return ("not-a-guid", JsonValue.Create("not-a-guid"));
                    yield return ("number", JsonValue.Create(-1));
                    break;
                case "date":
                    foreach (var d in EdgeDates)
                    {
                        yield return (d, JsonValue.Create(d));
                    }

                    yield return ("number", JsonValue.Create(20250101));
                    break;
                case "date-time":
                    foreach (var d in EdgeDateTimes)
                    {
                        yield return (d, JsonValue.Create(d));
                    }

                    break;
                case "enum":
                    yield return ("NoSuchValue", JsonValue.Create("NoSuchValue"));
                    yield return ("99", JsonValue.Create(99));
                    break;
                case "integer":
                    yield return ("text", JsonValue.Create("abc"));
                    yield return ("-1", JsonValue.Create(-1));
                    yield return ("2147483648", JsonValue.Create(2147483648L));
                    yield return ("1e30", JsonNode.Parse("1e30"));
                    break;
                case "number":
                    yield return ("text", JsonValue.Create("abc"));
                    yield return ("-1", JsonValue.Create(-1));
                    yield return ("1e400", JsonNode.Parse("1e400"));
                    break;
                case "boolean":
                    yield return ("text", JsonValue.Create("yes"));
                    break;
                case "array":
                    yield return ("object", new JsonObject { ["a"] = 1 });
                    yield return ("[null]", new JsonArray((JsonNode?)null));
                    break;
                case "object":
                    yield return ("text", JsonValue.Create("x"));
                    yield return ("[]", new JsonArray());
                    break;
            }

            if (kind == "array")
            {
                var item = schema.TryGetProperty("items", out var items) ? items : default;
                yield return ("[item, null]", new JsonArray(Placeholder(item), null));
                yield return ("10001 items", new JsonArray([.. Enumerable.Range(0, 10_001).Select(_ => Placeholder(item))]));
            }
        }

        private JsonNode? Placeholder(JsonElement item) => item.ValueKind == JsonValueKind.Undefined ? JsonValue.Create("x") : Sample(item, 3);

        /// <summary>Each field of a body (objects up to two levels deep, through the first item of arrays).</summary>
        private IEnumerable<(string[] Path, string Kind, JsonElement Schema)> Fields(JsonElement schema, string[] path, int depth)
        {
            schema = Resolve(schema);
            foreach (var (name, property) in Properties(schema))
            {
                var resolved = Resolve(property);
                var (kind, _) = Kind(resolved);
                var here = path.Append(name).ToArray();
                if (kind == "binary")
                {
                    yield return (here, "file", resolved);
                    continue;
                }

                yield return (here, kind, resolved);
                if (depth >= 2)
                {
                    continue;
                }

                if (kind == "object")
                {
                    foreach (var inner in Fields(resolved, here, depth + 1))
                    {
                        yield return inner;
                    }
                }
                else if (kind == "array" && resolved.TryGetProperty("items", out var items) && Kind(Resolve(items)).Kind == "object")
                {
                    foreach (var inner in Fields(items, [.. here, "0"], depth + 1))
                    {
                        yield return inner;
                    }
                }
            }
        }

        private static string BaselinePathValue(JsonElement schema) => Kind(schema).Kind switch
        {
            "uuid" => RandomGuid,
            "integer" or "number" => "1",
            _ => "khong-co",
        };

        public static string FillPath(string template, string? all, Dictionary<string, string>? values = null, bool encode = true) =>
            System.Text.RegularExpressions.Regex.Replace(template, "{([^}]+)}", m =>
            {
                var value = all ?? values![m.Groups[1].Value];
                return encode ? Uri.EscapeDataString(value) : value;
            });

        private (JsonNode? Json, bool Form) Body(JsonElement spec) =>
            BodySchema(spec) is { } json ? (Sample(json, 0), false)
            : FormSchema(spec) is not null ? (null, true)
            : (null, false);

        private static JsonElement? BodySchema(JsonElement spec) =>
            spec.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json) ? json.GetProperty("schema") : null;

        private static JsonElement? FormSchema(JsonElement spec) =>
            spec.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("multipart/form-data", out var form) ? form.GetProperty("schema") : null;

        /// <summary>A plausible value of the schema: the starting point every mutation changes one field of.</summary>
        private JsonNode? Sample(JsonElement schema, int depth)
        {
            schema = Resolve(schema);
            var (kind, enumValues) = Kind(schema);
            switch (kind)
            {
                case "object":
                    var o = new JsonObject();
                    if (depth < 4)
                    {
                        foreach (var (name, property) in Properties(schema))
                        {
                            o[name] = Sample(property, depth + 1);
                        }
                    }

                    return o;
                case "array":
                    return depth < 4 && schema.TryGetProperty("items", out var items) ? new JsonArray(Sample(items, depth + 1)) : new JsonArray();
                case "integer": return JsonValue.Create(1);
                case "number": return JsonValue.Create(1.5);
                case "boolean": return JsonValue.Create(true);
                case "uuid": return JsonValue.Create(RandomGuid);
                case "date": return JsonValue.Create("2025-06-02");
                case "date-time": return JsonValue.Create("2025-06-02T08:00:00+07:00");
                case "enum": return JsonValue.Create(enumValues![0]);
                case "null": return null;
                default: return JsonValue.Create("x");
            }
        }

        private IEnumerable<(string Name, JsonElement Schema)> Properties(JsonElement schema)
        {
            var seen = new HashSet<string>();
            foreach (var part in new[] { schema }.Concat(schema.TryGetProperty("allOf", out var all) ? all.EnumerateArray().Select(Resolve) : []))
            {
                if (part.TryGetProperty("properties", out var properties))
                {
                    foreach (var p in properties.EnumerateObject().Where(p => seen.Add(p.Name)))
                    {
                        yield return (p.Name, p.Value);
                    }
                }
            }
        }

        private JsonElement Resolve(JsonElement schema)
        {
            for (var i = 0; i < 10 && schema.ValueKind == JsonValueKind.Object; i++)
            {
                if (schema.TryGetProperty("$ref", out var reference))
                {
                    schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
                }
                else if ((schema.TryGetProperty("oneOf", out var one) || schema.TryGetProperty("anyOf", out one)) && one.GetArrayLength() > 0)
                {
                    schema = one.EnumerateArray().FirstOrDefault(s => !(s.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));
                }
                else
                {
                    break;
                }
            }

            return schema;
        }

        /// <summary>What a schema holds: string, uuid, date, date-time, binary, enum, integer, number, boolean, array, object.</summary>
        private static (string Kind, string[]? Enum) Kind(JsonElement schema)
        {
            if (schema.ValueKind != JsonValueKind.Object)
            {
                return ("string", null);
            }

            if (schema.TryGetProperty("enum", out var e))
            {
                var values = e.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray();
                if (values.Length > 0)
                {
                    return ("enum", values);
                }
            }

            var types = !schema.TryGetProperty("type", out var t) ? [] : t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()!).ToArray() : [t.GetString()!];
            var type = types.Contains("integer") ? "integer" : types.Contains("number") ? "number" : types.FirstOrDefault(x => x != "null") ?? (types.Length > 0 ? "null" : schema.TryGetProperty("properties", out _) || schema.TryGetProperty("allOf", out _) ? "object" : "string");
            var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
            return (type == "string" && format is "uuid" or "date" or "date-time" or "binary" ? format : type, null);
        }

        /// <summary>The body with every field of one kind replaced (null keeps it).</summary>
        private static JsonNode Mutate(JsonNode baseline, Func<JsonNode?, string, JsonNode?> replace)
        {
            var copy = baseline.DeepClone();
            void Walk(JsonNode? node)
            {
                if (node is JsonObject o)
                {
                    foreach (var (name, value) in o.ToList())
                    {
                        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && replace(v, "string") is { } r)
                        {
                            o[name] = r;
                        }
                        else
                        {
                            Walk(value);
                        }
                    }
                }
                else if (node is JsonArray a)
                {
                    for (var i = 0; i < a.Count; i++)
                    {
                        if (a[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String && replace(v, "string") is { } r)
                        {
                            a[i] = r;
                        }
                        else
                        {
                            Walk(a[i]);
                        }
                    }
                }
            }

            Walk(copy);
            return copy;
        }

        /// <summary>The body with one field (a path of names and array indexes) set to <paramref name="value"/>.</summary>
        private static JsonNode Set(JsonNode baseline, string[] path, JsonNode? value)
        {
            var copy = baseline.DeepClone();
            JsonNode? node = copy;
            for (var i = 0; i < path.Length - 1 && node is not null; i++)
            {
                node = node is JsonArray a ? (a.Count > 0 ? a[0] : null) : node[path[i]];
            }

            if (node is JsonObject o)
            {
                o[path[^1]] = value;
            }
            else if (node is JsonArray array && array.Count > 0)
            {
                array[0] = value;
            }

            return copy;
        }

        private static string Short(string value) => value.Length > 20 ? $"{value[..8]}…({value.Length} chars)" : value;
    }
}
