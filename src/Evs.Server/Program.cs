using Evs.Backend;
using Evs.Server;

SeedData seed;
try
{
    seed = EvsHost.ReadSeed(args);
}
catch (SeedException exception)
{
    await Console.Error.WriteLineAsync("evs-server: " + exception.Message);
    return 2;
}

WebApplication app;
try
{
    app = EvsHost.Build(args, seed);
}
catch (ArgumentException exception)
{
    await Console.Error.WriteLineAsync("evs-server: " + exception.Message);
    return 2;
}

await app.RunAsync();
return 0;
