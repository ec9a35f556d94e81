using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Security;

/// <summary>The OpenAPI document maps every staff endpoint: outside Development only staff may read it.</summary>
public sealed class OpenApiTests
{
    [Test]
    public async Task Outside_development_the_openapi_document_is_not_anonymous()
    {
        await using var app = await TestApp.StartAsync();
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await anonymous.GetAsync("/openapi/v1.json");

        // Not under /api, so a browser is sent to sign in, as for the staff pages.
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.ToString(), Does.Contain(SignInEndpoints.SignInPath));
    }

    [Test]
    public async Task Signed_in_staff_read_the_openapi_document()
    {
        await using var app = await TestApp.StartAsync();
        using var instructor = app.CreateClient().As("instructor-1", Roles.Instructor);

        using var response = await instructor.GetAsync("/openapi/v1.json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
