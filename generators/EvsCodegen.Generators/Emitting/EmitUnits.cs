using System.Collections.Generic;
using System.Linq;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>What one generated file is made from.</summary>
internal enum EmitUnitKind
{
    /// <summary>The document's fault table (<c>ApiFaults</c>), which the runtime reads and writes error bodies with.</summary>
    Faults,

    /// <summary>The JSON type-info resolver over every generated type.</summary>
    Resolver,

    /// <summary>One model type and its converter.</summary>
    Type,

    /// <summary>One contract interface.</summary>
    Contract,

    /// <summary>The whole-response types of one surface's operations that have them (see <see cref="ResultEmitter"/>).</summary>
    Results,

    /// <summary>The client options: the document's credentials.</summary>
    ClientOptions,

    /// <summary>One client class.</summary>
    Client,

    /// <summary>One controller.</summary>
    Server,

    /// <summary>One client's <c>IServiceCollection</c> registration (see <see cref="DependencyInjectionEmitter"/>).</summary>
    ClientServices,

    /// <summary>One surface's minimal-API endpoints and their registration (see <see cref="MinimalApiEmitter"/>).</summary>
    Endpoints,

    /// <summary>One controller's <c>IServiceCollection</c> registration (see <see cref="DependencyInjectionEmitter"/>).</summary>
    ServerServices,
}

/// <summary>
/// One generated file's inputs: the shared context plus only the part of the model the file is made from, so that
/// an edit elsewhere in the document leaves it equal and its output cached.
/// </summary>
/// <param name="Kind">What the file is.</param>
/// <param name="HintName">The file's hint name, <c>{Document}.{Kind}.{Type}.g.cs</c>, capped by <see cref="HintNames"/>.</param>
/// <param name="Context">Per-document facts.</param>
/// <param name="Type">The type, for <see cref="EmitUnitKind.Type"/>.</param>
/// <param name="Surface">The surface, for contracts, clients and controllers.</param>
/// <param name="TypeNames">Every generated type name, for the resolver.</param>
/// <param name="Converters">For the resolver: the converter of each of <paramref name="TypeNames"/>, in the same order.</param>
internal sealed record EmitUnitModel(
    EmitUnitKind Kind,
    string HintName,
    ApiContextModel Context,
    TypeModel? Type,
    SurfaceModel? Surface,
    EquatableArray<string> TypeNames,
    EquatableArray<string> Converters = default);

/// <summary>Splits a model into per-file units according to what the document emits.</summary>
internal static class EmitUnits
{
    /// <summary>The units of <paramref name="model"/>, in a fixed order; none when there is no model.</summary>
    public static IEnumerable<EmitUnitModel> Split(ApiModel? model)
    {
        if (model is null)
        {
            yield break;
        }

        var context = model.Context;
        var prefix = context.DocumentName + ".";
        if ((context.Emit & EmitKinds.Models) != 0)
        {
            yield return Unit(EmitUnitKind.Faults, HintNames.Create(prefix + "Faults"));
            yield return new EmitUnitModel(EmitUnitKind.Resolver, HintNames.Create(prefix + "Resolver"), context, null, null, model.Types.Select(t => t.Name).ToEquatableArray(), model.Types.Select(CSharp.ConverterOf).ToEquatableArray());
            foreach (var type in model.Types)
            {
                yield return new EmitUnitModel(EmitUnitKind.Type, HintNames.Create(prefix + "Models." + type.Name), context, type, null, default);
            }

            foreach (var surface in model.Surfaces)
            {
                yield return SurfaceUnit(EmitUnitKind.Contract, HintNames.Create(prefix + "Contracts." + surface.InterfaceName), surface);
                if (ResultEmitter.HasResults(surface))
                {
                    yield return SurfaceUnit(EmitUnitKind.Results, HintNames.Create(prefix + "Results." + surface.InterfaceName), surface);
                }
            }
        }

        if ((context.Emit & EmitKinds.Client) != 0)
        {
            yield return Unit(EmitUnitKind.ClientOptions, HintNames.Create(prefix + "ClientOptions"));
            foreach (var surface in model.Surfaces)
            {
                yield return SurfaceUnit(EmitUnitKind.Client, HintNames.Create(prefix + "Clients." + surface.ClientName), surface);
            }
        }

        if ((context.Emit & EmitKinds.Server) != 0)
        {
            foreach (var surface in model.Surfaces)
            {
                yield return SurfaceUnit(EmitUnitKind.Server, HintNames.Create(prefix + "Controllers." + surface.ControllerName), surface);
            }
        }

        if ((context.Emit & EmitKinds.Minimal) != 0)
        {
            foreach (var surface in model.Surfaces)
            {
                yield return SurfaceUnit(EmitUnitKind.Endpoints, HintNames.Create(prefix + "Endpoints." + surface.EndpointsName), surface);
            }
        }

        EmitUnitModel Unit(EmitUnitKind kind, string hint) => new(kind, hint, context, null, null, default);

        EmitUnitModel SurfaceUnit(EmitUnitKind kind, string hint, SurfaceModel surface) => new(kind, hint, context, null, surface, default);
    }
}

/// <summary>Dispatches a unit to its emitter.</summary>
internal static class Emitter
{
    /// <summary>The source text of <paramref name="unit"/>.</summary>
    public static string Emit(EmitUnitModel unit) => unit.Kind switch
    {
        EmitUnitKind.Faults => RuntimeEmitter.EmitFaults(unit.Context),
        EmitUnitKind.Resolver => RuntimeEmitter.EmitResolver(unit.Context, unit.TypeNames, unit.Converters),
        EmitUnitKind.Type => ModelsEmitter.Emit(unit.Context, unit.Type!),
        EmitUnitKind.Contract => ContractEmitter.Emit(unit.Context, unit.Surface!),
        EmitUnitKind.Results => ResultEmitter.Emit(unit.Context, unit.Surface!),
        EmitUnitKind.ClientOptions => ClientEmitter.EmitOptions(unit.Context),
        EmitUnitKind.Client => ClientEmitter.Emit(unit.Context, unit.Surface!),
        EmitUnitKind.Server => ServerEmitter.Emit(unit.Context, unit.Surface!),
        EmitUnitKind.Endpoints => MinimalApiEmitter.Emit(unit.Context, unit.Surface!),
        EmitUnitKind.ClientServices => DependencyInjectionEmitter.EmitClient(unit.Context, unit.Surface!),
        EmitUnitKind.ServerServices => DependencyInjectionEmitter.EmitServer(unit.Context, unit.Surface!),
        _ => string.Empty,
    };
}
