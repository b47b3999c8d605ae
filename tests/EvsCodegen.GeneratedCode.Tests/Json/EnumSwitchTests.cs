using GeneratedCode.Orders;

namespace EvsCodegen.GeneratedCode.Tests.Json;

/// <summary>Enum structs expose their listed values as constants, so a <c>switch</c> over <c>Value</c> compiles and dispatches.</summary>
public sealed class EnumSwitchTests
{
    private static string Describe(Status status) => status.Value switch
    {
        Status.Values.Open => "open",
        Status.Values.Closed => "closed",
        Status.Values.ÉX => "accented",
        _ => "unknown:" + status.Value,
    };

    private static string DescribeStatement(Priority priority)
    {
        switch (priority.Value)
        {
            case Priority.Values.Value1:
                return "low";
            case Priority.Values.Value2:
                return "mid";
            case Priority.Values.Value5:
                return "high";
            default:
                return "unknown:" + priority.Value;
        }
    }

    [Fact]
    public void StringEnum_SwitchExpression_DispatchesListedAndUnknownValues()
    {
        Assert.Equal("open", Describe(Status.Open));
        Assert.Equal("closed", Describe(Status.Closed));
        Assert.Equal("accented", Describe(new Status("é-x")));
        Assert.Equal("unknown:pending", Describe(new Status("pending")));
        Assert.Equal("open", Status.Values.Open);
    }

    [Fact]
    public void StringEnum_ReadFromJson_DispatchesOnItsConstant()
    {
        var order = System.Text.Json.JsonSerializer.Deserialize<Order>("""{"lines":[],"status":"closed"}""")!;
        Assert.Equal("closed", Describe(order.Status!.Value));
        var unknown = System.Text.Json.JsonSerializer.Deserialize<Order>("""{"lines":[],"status":"archived"}""")!;
        Assert.Equal("unknown:archived", Describe(unknown.Status!.Value));
    }

    [Fact]
    public void IntegerEnum_SwitchStatement_DispatchesListedAndUnknownValues()
    {
        Assert.Equal("low", DescribeStatement(Priority.Value1));
        Assert.Equal("high", DescribeStatement(new Priority(5)));
        Assert.Equal("unknown:3", DescribeStatement(new Priority(3)));
        Assert.Equal(5L, Priority.Values.Value5);
    }
}
