namespace ParseJobs.Extraction.Cv;

/// <summary>Where on the page a value of the profile was read, so that a screen can highlight it.</summary>
/// <param name="Field">The profile path of the value: <c>personal_info.full_name</c>, <c>personal_info.email</c>, … for
/// personal fields; <c>experience.exp_1</c>, <c>education.edu_2</c> (the entry's <c>id</c>) for whole entries.</param>
/// <param name="PageNumber">1-based page the text is on.</param>
/// <param name="Bbox">The box around the text's lines, in points, origin top-left (as the layout model's boxes).</param>
public sealed record FieldProvenance(string Field, int PageNumber, ProvenanceBox Bbox);

/// <summary>A rectangle on a page in points, origin at the page's top-left corner (as <c>bbox</c> of the layout results).</summary>
/// <param name="Left">Distance of the box's left edge from the page's left edge.</param>
/// <param name="Top">Distance of the box's top edge from the page's top edge.</param>
/// <param name="Width">Width of the box.</param>
/// <param name="Height">Height of the box.</param>
public sealed record ProvenanceBox(double Left, double Top, double Width, double Height);
