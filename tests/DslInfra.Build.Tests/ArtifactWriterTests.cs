using DslInfra.Build;

namespace DslInfra.Build.Tests;

public sealed class ArtifactWriterTests : IDisposable
{
    private readonly string output = Path.Combine(Path.GetTempPath(), "dslinfra-writer-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(output))
            Directory.Delete(output, recursive: true);
    }

    private static StackArtifact Tf(string stack, string content = "{}\n") => new(stack, "main.tf.json", content);

    [Fact]
    public void Writes_each_stack_into_its_folder_as_utf8_without_bom()
    {
        var result = ArtifactWriter.Write([Tf("web", "{\"é\": 1}\n"), new("web", "manifest.json", "{}\n"), Tf("data")], output, []);
        Assert.Equal(3, result.Written.Count);
        var bytes = File.ReadAllBytes(Path.Combine(output, "web", "main.tf.json"));
        Assert.Equal("{\"é\": 1}\n"u8.ToArray(), bytes);
        Assert.True(File.Exists(Path.Combine(output, "data", "main.tf.json")));
    }

    [Fact]
    public void Unchanged_content_is_not_rewritten()
    {
        ArtifactWriter.Write([Tf("web")], output, []);
        var file = Path.Combine(output, "web", "main.tf.json");
        var before = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(file, before);

        var result = ArtifactWriter.Write([Tf("web")], output, [file]);

        Assert.Empty(result.Written);
        Assert.Single(result.Unchanged);
        Assert.Equal(before, File.GetLastWriteTimeUtc(file));
    }

    [Fact]
    public void Changed_content_is_rewritten()
    {
        ArtifactWriter.Write([Tf("web", "{}\n")], output, []);
        var result = ArtifactWriter.Write([Tf("web", "{\"a\": 1}\n")], output, []);
        Assert.Single(result.Written);
        Assert.Equal("{\"a\": 1}\n", File.ReadAllText(Path.Combine(output, "web", "main.tf.json")));
    }

    [Fact]
    public void Files_of_a_deleted_stack_are_removed_with_their_folder()
    {
        var first = ArtifactWriter.Write([Tf("web"), Tf("old")], output, []);
        var second = ArtifactWriter.Write([Tf("web")], output, first.Files.ToList());
        Assert.Single(second.Removed);
        Assert.False(Directory.Exists(Path.Combine(output, "old")));
        Assert.True(File.Exists(Path.Combine(output, "web", "main.tf.json")));
    }

    [Fact]
    public void Never_deletes_outside_the_output_folder()
    {
        var outside = Path.Combine(Path.GetTempPath(), "dslinfra-outside-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(outside, "keep me");
        try
        {
            var result = ArtifactWriter.Write([Tf("web")], output, [outside]);
            Assert.Empty(result.Removed);
            Assert.True(File.Exists(outside));
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void Clean_removes_what_was_written_and_nothing_else()
    {
        var written = ArtifactWriter.Write([Tf("web")], output, []);
        var userFile = Path.Combine(output, "README.txt");
        File.WriteAllText(userFile, "mine");
        var removed = ArtifactWriter.Clean(written.Files.ToList(), output);
        Assert.Single(removed);
        Assert.False(Directory.Exists(Path.Combine(output, "web")));
        Assert.True(File.Exists(userFile));
    }

    [Theory]
    [InlineData("..", "main.tf.json")]
    [InlineData("web", "../escape.json")]
    [InlineData("web", "")]
    public void Paths_that_would_leave_the_folder_are_refused(string stack, string path)
    {
        var error = Assert.Throws<ArtifactException>(() => ArtifactWriter.Write([new StackArtifact(stack, path, "x")], output, []));
        Assert.Contains("leave its folder", error.Message);
    }

    [Fact]
    public void Two_stacks_writing_the_same_file_is_an_error_that_names_the_stack()
    {
        var error = Assert.Throws<ArtifactException>(() => ArtifactWriter.Write([Tf("web"), Tf("web")], output, []));
        Assert.Contains("'web'", error.Message);
    }
}
