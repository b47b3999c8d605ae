using GeneratedCode.Responses;

namespace EvsCodegen.GeneratedCode.Tests.Responses;

/// <summary>
/// A backend of <c>responses.yaml</c> that answers what each test sets: the whole-response methods are implemented
/// where the document declares headers or several success statuses, the body methods delegate to them.
/// </summary>
internal sealed class TasksBackend : ITasksApi
{
    public Func<ListTasksResult> List { get; set; } = () => ListTasksResult.Ok([], 0);

    public Func<TaskDraft, CreateTaskResult> Create { get; set; } = draft => CreateTaskResult.Created(new TaskItem { Id = 1, Title = draft.Title }, "/tasks/1");

    public Func<long, TaskItem> Get { get; set; } = id => new TaskItem { Id = id, Title = "t" };

    public Func<long, ArchiveTaskResult> Archive { get; set; } = id => ArchiveTaskResult.Accepted($"/tasks/{id}/archive/status", retryAfter: 5);

    public List<long> Deleted { get; } = [];

    public List<long> Run { get; } = [];

    public Task<IReadOnlyList<TaskItem>> ListTasksAsync(int? limit = null, CancellationToken cancellationToken = default) => Task.FromResult(List().Body!);

    public Task<ListTasksResult> ListTasksWithResponseAsync(int? limit = null, CancellationToken cancellationToken = default) => Task.FromResult(List());

    public async Task<TaskItem> CreateTaskAsync(TaskDraft body, CancellationToken cancellationToken = default) => (await CreateTaskWithResponseAsync(body, cancellationToken)).Body!;

    public Task<CreateTaskResult> CreateTaskWithResponseAsync(TaskDraft body, CancellationToken cancellationToken = default) => Task.FromResult(Create(body));

    public Task<TaskItem> GetTaskAsync(long id, CancellationToken cancellationToken = default) => Task.FromResult(Get(id));

    public Task DeleteTaskAsync(long id, CancellationToken cancellationToken = default)
    {
        if (id == 404)
        {
            throw new ApiException(404, $"There is no task {id}.");
        }

        Deleted.Add(id);
        return Task.CompletedTask;
    }

    public async Task<TaskItem> ArchiveTaskAsync(long id, CancellationToken cancellationToken = default) => (await ArchiveTaskWithResponseAsync(id, cancellationToken)).Body!;

    public Task<ArchiveTaskResult> ArchiveTaskWithResponseAsync(long id, CancellationToken cancellationToken = default) => Task.FromResult(Archive(id));

    public Task RunTaskAsync(long id, CancellationToken cancellationToken = default)
    {
        Run.Add(id);
        return Task.CompletedTask;
    }
}

/// <summary>A backend written for the body methods only: the whole-response methods keep their defaults.</summary>
internal sealed class BodyOnlyTasksBackend : ITasksApi
{
    public Task<IReadOnlyList<TaskItem>> ListTasksAsync(int? limit = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TaskItem>>([new TaskItem { Id = 1, Title = "a" }]);

    public Task<TaskItem> CreateTaskAsync(TaskDraft body, CancellationToken cancellationToken = default) => Task.FromResult(new TaskItem { Id = 2, Title = body.Title });

    public Task<TaskItem> GetTaskAsync(long id, CancellationToken cancellationToken = default) => Task.FromResult(new TaskItem { Id = id, Title = "t" });

    public Task DeleteTaskAsync(long id, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<TaskItem> ArchiveTaskAsync(long id, CancellationToken cancellationToken = default) => Task.FromResult(new TaskItem { Id = id, Title = "archived" });

    public Task RunTaskAsync(long id, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
