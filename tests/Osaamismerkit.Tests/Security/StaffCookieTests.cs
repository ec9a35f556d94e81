using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Tests.Security;

/// <summary>
/// Behind a proxy that ends TLS the service may see plain http: the staff cookie is Secure outside Development anyway,
/// so a browser never sends it over an unencrypted hop.
/// </summary>
public sealed class StaffCookieTests
{
    [TestCase("Production", CookieSecurePolicy.Always)]
    [TestCase("Staging", CookieSecurePolicy.Always)]
    [TestCase("Development", CookieSecurePolicy.SameAsRequest)]
    public void The_staff_cookie_is_secure_outside_development_whatever_the_scheme(string environment, CookieSecurePolicy expected)
    {
        Assert.That(StaffCookie.SecurePolicyIn(environment), Is.EqualTo(expected));
    }

    [Test]
    public void The_staff_cookie_is_http_only_and_lax()
    {
        var options = new Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions();

        StaffCookie.Configure(options, TimeSpan.FromHours(8), Environments.Production);

        Assert.That((options.Cookie.HttpOnly, options.Cookie.SameSite, options.Cookie.SecurePolicy), Is.EqualTo((true, SameSiteMode.Lax, CookieSecurePolicy.Always)));
    }
}
