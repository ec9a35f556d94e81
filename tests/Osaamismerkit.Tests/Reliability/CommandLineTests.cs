using Microsoft.Extensions.Configuration;
using Osaamismerkit.Infrastructure;

namespace Osaamismerkit.Tests.Reliability;

public sealed class CommandLineTests
{
    [TestCase("backup /var/backups/om.db --Database:DataFolder=/srv/om")]
    [TestCase("--Database:DataFolder=/srv/om backup /var/backups/om.db")]
    [TestCase("--Database:DataFolder /srv/om backup /var/backups/om.db")]
    public void A_backup_target_is_the_commands_and_the_settings_around_it_reach_the_configuration(string line)
    {
        var commandLine = CommandLine.Parse(line.Split(' '));
        var configuration = new ConfigurationBuilder().AddCommandLine(commandLine.Configuration).Build();

        Assert.That(commandLine.Command, Is.EqualTo("backup"));
        Assert.That(commandLine.Arguments, Is.EqualTo(new[] { "/var/backups/om.db" }));
        // Left in the configuration's arguments, "/var/backups/om.db" reads as a "/key value" switch and takes the next
        // setting as its value: the backup then copied the default data folder's empty database.
        Assert.That(configuration["Database:DataFolder"], Is.EqualTo("/srv/om"));
    }

    [Test]
    public void Seed_demo_keeps_its_options_and_a_setting_named_backup_is_no_command()
    {
        var demo = CommandLine.Parse(["seed-demo", "--clients", "40", "--Database:DataFolder=/srv/om"]);
        var service = CommandLine.Parse(["--Backup", "backup"]);

        Assert.That(demo.Command, Is.EqualTo("seed-demo"));
        Assert.That(demo.Option("--clients"), Is.EqualTo("40"));
        Assert.That(new ConfigurationBuilder().AddCommandLine(demo.Configuration).Build()["Database:DataFolder"], Is.EqualTo("/srv/om"));
        Assert.That(service.Command, Is.Null, "the value of a --key value switch");
        Assert.That(CommandLine.Parse(["backup"]).Arguments, Is.Empty, "no target: the command answers with its usage");
    }
}
