using Grpc.Core;
using HybridLlm.Classifier.Analysis;
using HybridLlm.Classifier.Embeddings;
using HybridLlm.Grpc.V1;
using PiiFinding = HybridLlm.Grpc.V1.PiiFinding;

namespace HybridLlm.Classifier.Grpc;

/// <summary>
/// The Classifier contract over <see cref="PromptClassifier"/>, and sentence embeddings of whole texts (the router's
/// short window widened to <see cref="MiniLmEmbeddingOptions.SemanticMaxTokens"/>) for the gateway's semantic cache.
/// </summary>
internal sealed class ClassifierGrpcService(PromptClassifier classifier, SemanticEmbeddings embeddings)
    : HybridLlm.Grpc.V1.Classifier.ClassifierBase
{
    /// <summary>Most texts one Embed call may carry.</summary>
    internal const int MaxEmbedTexts = 64;

    public override async Task<EmbedResponse> Embed(EmbedRequest request, ServerCallContext context)
    {
        if (request.Texts.Count is 0 or > MaxEmbedTexts)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"texts: between 1 and {MaxEmbedTexts} texts are required, got {request.Texts.Count}."));
        }

        using var semantic = embeddings.CreateView();
        var generated = await semantic.GenerateAsync(request.Texts, cancellationToken: context.CancellationToken);
        var response = new EmbedResponse();
        foreach (var embedding in generated)
        {
            var proto = new HybridLlm.Grpc.V1.Embedding();
            proto.Values.AddRange(embedding.Vector.ToArray());
            response.Embeddings.Add(proto);
        }

        return response;
    }

    public override async Task<ClassifyResponse> Classify(ClassifyRequest request, ServerCallContext context)
    {
        if (request.Messages.Count == 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "messages: at least one message is required."));
        }

        var messages = request.Messages.Select(m => new ClassifierMessage(RoleName(m.Role), m.Text)).ToList();
        var analysis = await classifier.ClassifyAsync(messages, context.CancellationToken);
        return ToProto(analysis);
    }

    internal static ClassifyResponse ToProto(PromptAnalysis analysis)
    {
        var response = new ClassifyResponse
        {
            Task = ToProto(analysis.Task),
            StrongScore = analysis.StrongScore,
            InputTokens = analysis.InputTokens,
        };
        response.Pii.AddRange(analysis.Pii.Select(p => new PiiFinding
        {
            Kind = ToProto(p.Kind),
            MessageIndex = p.MessageIndex,
            Start = p.Start,
            Length = p.Length,
        }));
        response.Reasons.AddRange(analysis.Reasons);
        return response;
    }

    internal static TaskType ToProto(TaskKind kind) => kind switch
    {
        TaskKind.Classification => TaskType.Classification,
        TaskKind.Extraction => TaskType.Extraction,
        TaskKind.Summarisation => TaskType.Summarisation,
        TaskKind.Rewrite => TaskType.Rewrite,
        TaskKind.ClosedQa => TaskType.ClosedQa,
        TaskKind.OpenQa => TaskType.OpenQa,
        TaskKind.Chat => TaskType.Chat,
        TaskKind.Brainstorming => TaskType.Brainstorming,
        TaskKind.CreativeWriting => TaskType.CreativeWriting,
        TaskKind.Code => TaskType.Code,
        TaskKind.Math => TaskType.Math,
        TaskKind.MultiStepReasoning => TaskType.MultiStepReasoning,
        _ => TaskType.Unspecified,
    };

    internal static HybridLlm.Grpc.V1.PiiKind ToProto(Analysis.PiiKind kind) => kind switch
    {
        Analysis.PiiKind.Email => HybridLlm.Grpc.V1.PiiKind.Email,
        Analysis.PiiKind.Phone => HybridLlm.Grpc.V1.PiiKind.Phone,
        Analysis.PiiKind.PaymentCard => HybridLlm.Grpc.V1.PiiKind.PaymentCard,
        Analysis.PiiKind.Iban => HybridLlm.Grpc.V1.PiiKind.Iban,
        Analysis.PiiKind.UsSsn => HybridLlm.Grpc.V1.PiiKind.UsSsn,
        Analysis.PiiKind.IpAddress => HybridLlm.Grpc.V1.PiiKind.IpAddress,
        Analysis.PiiKind.Secret => HybridLlm.Grpc.V1.PiiKind.Secret,
        _ => HybridLlm.Grpc.V1.PiiKind.Unspecified,
    };

    private static string RoleName(ChatRole role) => role switch
    {
        ChatRole.System => "system",
        ChatRole.Assistant => "assistant",
        _ => "user",
    };
}
