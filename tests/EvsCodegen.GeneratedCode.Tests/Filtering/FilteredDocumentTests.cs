using System.Net;
using EvsCodegen.TestSupport;
using GeneratedCode.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests.Filtering;

/// <summary>
/// Documents/catalog.yaml built with <c>OpenApiInclude="tag:Items;op:createOrder"</c> and
/// <c>OpenApiExclude="path:DELETE /**"</c>: what the filter keeps compiles and works over real HTTP; what it leaves
/// out, operations and the schemas only they reach, is not generated.
/// </summary>
public sealed class FilteredDocumentTests
{
    private static readonly System.Reflection.Assembly s_generated = typeof(Order).Assembly;

    [Fact]
    public void LeftOutOperations_HaveNoMethods()
    {
        Assert.Equal(["CreateOrderAsync"], typeof(IOrdersApi).GetMethods().Select(m => m.Name));
        Assert.Equal(["GetItemAsync"], typeof(IItemsApi).GetMethods().Select(m => m.Name));
        Assert.Null(s_generated.GetType("GeneratedCode.Catalog.IReviewsApi"));
    }

    [Fact]
    public void OnlyTheSchemasTheKeptOperationsReach_AreGenerated()
    {
        var generated = s_generated.GetTypes()
            .Where(t => t.Namespace == "GeneratedCode.Catalog" && t.GetMethod("<Clone>$") is not null)
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);

        // Review and Reviewer (only listReviews), DeletionReason (only deleteItem) are left out.
        Assert.Equal(["Item", "Money", "Order", "OrderLine", "Variant"], generated);
        Assert.All(["Review", "Reviewer", "DeletionReason"], name => Assert.Null(s_generated.GetType("GeneratedCode.Catalog." + name)));
    }

    [Fact]
    public async Task KeptOperations_ClientToServerToClient()
    {
        var api = new CatalogApi();
        await using var host = await KestrelHost.StartAsync(services =>
        {
            services.AddSingleton<IOrdersApi>(api).AddSingleton<IItemsApi>(api);
            services.AddOrdersApiControllers();
            services.AddItemsApiControllers();
        });
        using var http = host.Client();

        var created = await new OrdersApiClient(http).CreateOrderAsync(new Order { Lines = [new OrderLine { ItemId = "i1", Quantity = 2, UnitPrice = new Money { Amount = 9.5m, Currency = "EUR" } }] });
        var item = await new ItemsApiClient(http).GetItemAsync("i1");

        Assert.Equal(("i1", 2L, 9.5m), (created.Lines[0].ItemId, created.Lines[0].Quantity, created.Lines[0].UnitPrice!.Amount));
        Assert.Equal(("i1", "EUR", "red"), (item.Id, item.Price.Currency, item.Variants![0].Color));
        using var refused = await http.DeleteAsync("catalog/items/i1");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, refused.StatusCode);
    }

    private sealed class CatalogApi : IOrdersApi, IItemsApi
    {
        public Task<Order> CreateOrderAsync(Order body, CancellationToken cancellationToken = default) => Task.FromResult(body);

        public Task<Item> GetItemAsync(string itemId, CancellationToken cancellationToken = default) =>
            Task.FromResult(new Item { Id = itemId, Price = new Money { Amount = 1m, Currency = "EUR" }, Variants = [new Variant { Color = "red" }] });
    }
}
