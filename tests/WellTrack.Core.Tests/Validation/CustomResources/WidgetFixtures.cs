namespace WellTrack.Core.Tests.Validation.CustomResources;

/// <summary>
/// A made-up custom resource, Widget (widgets.example.com), whose CustomResourceDefinition uses every schema keyword
/// the validator reads, and a Widget that satisfies it while leaning on each keyword's leniency.
/// </summary>
internal static class WidgetFixtures
{
    /// <summary>v1 served with a full schema, v1beta1 listed with served: false.</summary>
    public const string Definition = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.widgets.example.com
        spec:
          group: widgets.example.com
          scope: Namespaced
          names:
            kind: Widget
            listKind: WidgetList
            plural: widgets
            singular: widget
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    apiVersion:
                      type: string
                    kind:
                      type: string
                    metadata:
                      type: object
                      properties:
                        name:
                          type: string
                          maxLength: 40
                    spec:
                      type: object
                      required: [size, owner]
                      properties:
                        size:
                          type: integer
                        colour:
                          type: string
                          enum: [red, green, blue]
                        port:
                          x-kubernetes-int-or-string: true
                        tags:
                          type: array
                          items:
                            type: string
                        nicknames:
                          type: array
                          items:
                            type: string
                            nullable: true
                        note:
                          type: string
                        owner:
                          type: string
                          nullable: true
                        settings:
                          type: object
                          x-kubernetes-preserve-unknown-fields: true
                          properties:
                            level:
                              type: integer
                        labels:
                          type: object
                          additionalProperties:
                            type: string
                        limits:
                          type: object
                          properties:
                            cpu:
                              type: string
                          additionalProperties:
                            type: integer
                        strict:
                          type: object
                          additionalProperties: false
                          properties:
                            mode:
                              type: string
                        template:
                          type: object
                          x-kubernetes-embedded-resource: true
                          properties:
                            spec:
                              type: object
                              properties:
                                replicas:
                                  type: integer
                    status:
                      type: object
                      x-kubernetes-preserve-unknown-fields: true
            - name: v1beta1
              served: false
              storage: false
              schema:
                openAPIV3Schema:
                  type: object
                  x-kubernetes-preserve-unknown-fields: true

        """;

    /// <summary>A valid Widget; <c>{SPEC}</c> stands for its spec's fields, <c>{API}</c> for its apiVersion.</summary>
    public const string WidgetTemplate = """
        apiVersion: {API}
        kind: Widget
        metadata:
          name: sprocket
          labels:
            app.kubernetes.io/name: sprocket
          annotations:
            example.com/owner: gears-team
        spec:
        {SPEC}
        status:
          anything: [at, all]

        """;

    /// <summary>The spec of the valid Widget: null where null is pruned or allowed, unknown fields where they are kept,
    /// both forms of int-or-string, an embedded object with its own apiVersion, kind and metadata.</summary>
    public const string ValidSpec = """
          size: 3
          colour: green
          port: http
          tags: [small, shiny]
          nicknames: [sprock, null]
          note: null
          owner: null
          settings:
            level: 2
            free: { form: [1, two] }
          labels:
            team: gears
          limits:
            cpu: "1"
            gears: 4
          strict:
            mode: fast
          template:
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: sprocket-template
              labels:
                part: template
            spec:
              replicas: 1
        """;

    public static string Widget(string spec = ValidSpec, string apiVersion = "widgets.example.com/v1")
        => WidgetTemplate.Replace("{API}", apiVersion, StringComparison.Ordinal).Replace("{SPEC}", spec, StringComparison.Ordinal);
}
