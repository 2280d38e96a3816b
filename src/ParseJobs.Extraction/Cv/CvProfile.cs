using System.Text.Json.Serialization;

namespace ParseJobs.Extraction.Cv;

// The wire shape of a parse result, field for field (see the API contract cv-profile.example.json).
// Names are explicit so that no naming policy can change the contract ("fields_of_experitse" is the wire name).

/// <summary>A structured candidate profile extracted from a CV. Every value comes from the document.</summary>
public sealed class CvProfile
{
    [JsonPropertyName("personal_info")] public PersonalInfo PersonalInfo { get; set; } = new();
    [JsonPropertyName("professional_summary")] public string ProfessionalSummary { get; set; } = "";
    /// <summary>Comes from interviews, not CVs: always empty here.</summary>
    [JsonPropertyName("personal_impression")] public string PersonalImpression { get; set; } = "";
    [JsonPropertyName("experience")] public List<ExperienceEntry> Experience { get; set; } = [];
    [JsonPropertyName("education")] public List<EducationEntry> Education { get; set; } = [];
    [JsonPropertyName("skills")] public SkillSet Skills { get; set; } = new();
    [JsonPropertyName("languages")] public List<LanguageSkill> Languages { get; set; } = [];
    [JsonPropertyName("hobbies_interests")] public List<string> HobbiesInterests { get; set; } = [];
}

public sealed class PersonalInfo
{
    [JsonPropertyName("full_name")] public string FullName { get; set; } = "";
    [JsonPropertyName("email")] public string Email { get; set; } = "";
    [JsonPropertyName("nationality")] public string Nationality { get; set; } = "";
    [JsonPropertyName("gender")] public string Gender { get; set; } = "";
    [JsonPropertyName("civil_status")] public string CivilStatus { get; set; } = "";
    [JsonPropertyName("car_license")] public bool CarLicense { get; set; }
    /// <summary>YYYY-MM-DD.</summary>
    [JsonPropertyName("birth_date")] public string BirthDate { get; set; } = "";
    /// <summary>E.164.</summary>
    [JsonPropertyName("mobile_phone")] public string MobilePhone { get; set; } = "";
    /// <summary>E.164.</summary>
    [JsonPropertyName("home_phone")] public string HomePhone { get; set; } = "";
    [JsonPropertyName("street_and_number")] public string StreetAndNumber { get; set; } = "";
    [JsonPropertyName("city")] public string City { get; set; } = "";
    [JsonPropertyName("state")] public string State { get; set; } = "";
    [JsonPropertyName("country")] public string Country { get; set; } = "";
    [JsonPropertyName("postal_code")] public string PostalCode { get; set; } = "";
    [JsonPropertyName("linkedin")] public string LinkedIn { get; set; } = "";
    [JsonPropertyName("availability")] public string Availability { get; set; } = "";
}

public sealed class ExperienceEntry
{
    /// <summary>exp_1, exp_2, … in document order.</summary>
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("company")] public string Company { get; set; } = "";
    [JsonPropertyName("position")] public string Position { get; set; } = "";
    [JsonPropertyName("employment_type")] public string EmploymentType { get; set; } = "";
    /// <summary>MM.YYYY.</summary>
    [JsonPropertyName("start_date")] public string StartDate { get; set; } = "";
    /// <summary>MM.YYYY, or "" while ongoing.</summary>
    [JsonPropertyName("end_date")] public string EndDate { get; set; } = "";
    [JsonPropertyName("city")] public string City { get; set; } = "";
    [JsonPropertyName("state")] public string State { get; set; } = "";
    [JsonPropertyName("country")] public string Country { get; set; } = "";
    [JsonPropertyName("postal_code")] public string PostalCode { get; set; } = "";
    [JsonPropertyName("description_1to1")] public string Description { get; set; } = "";
    [JsonPropertyName("reason_for_change")] public string ReasonForChange { get; set; } = "";
}

public sealed class EducationEntry
{
    /// <summary>edu_1, edu_2, … in document order.</summary>
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("institution")] public string Institution { get; set; } = "";
    [JsonPropertyName("institution_type")] public string InstitutionType { get; set; } = "";
    [JsonPropertyName("city")] public string City { get; set; } = "";
    [JsonPropertyName("state")] public string State { get; set; } = "";
    [JsonPropertyName("country")] public string Country { get; set; } = "";
    [JsonPropertyName("postal_code")] public string PostalCode { get; set; } = "";
    [JsonPropertyName("degree")] public string Degree { get; set; } = "";
    [JsonPropertyName("degree_level")] public string DegreeLevel { get; set; } = "";
    [JsonPropertyName("field_of_study")] public string FieldOfStudy { get; set; } = "";
    [JsonPropertyName("start_date")] public string StartDate { get; set; } = "";
    [JsonPropertyName("end_date")] public string EndDate { get; set; } = "";
    [JsonPropertyName("concluded_successfully")] public bool ConcludedSuccessfully { get; set; }
    [JsonPropertyName("is_further_education")] public bool IsFurtherEducation { get; set; }
    [JsonPropertyName("gpa")] public string Gpa { get; set; } = "";
    [JsonPropertyName("description_1to1")] public string Description { get; set; } = "";
}

public sealed class SkillSet
{
    [JsonPropertyName("fields_of_experitse")] public List<string> FieldsOfExpertise { get; set; } = [];
    [JsonPropertyName("hard_skills")] public List<string> HardSkills { get; set; } = [];
    [JsonPropertyName("it_skills")] public List<string> ItSkills { get; set; } = [];
    [JsonPropertyName("soft_skills")] public List<string> SoftSkills { get; set; } = [];
}

public sealed class LanguageSkill
{
    [JsonPropertyName("language")] public string Language { get; set; } = "";
    /// <summary>CEFR level A1–C2, or "".</summary>
    [JsonPropertyName("standard_proficiency")] public string StandardProficiency { get; set; } = "";
    /// <summary>The fluency as written.</summary>
    [JsonPropertyName("proficiency")] public string Proficiency { get; set; } = "";
}
