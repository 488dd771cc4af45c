using OneStop.Integration;

// Stand-ins for the national systems (population, business registration, land, the National Public Service Portal,
// the Government's command centre) in a process of their own. Point the platform at them with
// Integration:Systems:{population|business|land|portal|command-centre}:BaseUrl = http://host:5080/sandbox/{system}/
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAuthorization();
IntegrationModule.AddSimulators(builder.Services);
var app = builder.Build();
app.UseAuthorization();
IntegrationModule.MapSimulators(app);
app.MapGet("/", () => Results.Text("""
    OneStop national-system simulators
      POST /sandbox/population/citizens/verify           GET /sandbox/business/enterprises/{code}
      GET  /sandbox/land/parcels/{certificate}           POST /sandbox/portal/dossier-statuses   GET /sandbox/portal/submissions
      GET  /sandbox/portal/citizens/{id}/documents       POST /sandbox/command-centre/indicators
      GET  /sandbox/vneid/.well-known/openid-configuration (VNeID sign-in: authorize, token, userinfo, jwks)
      PUT  /sandbox/{system}/behaviour  {"latencyMilliseconds":40,"errorRate":0.3,"downForSeconds":60}
    """));
app.Run();
