import { useState } from "preact/hooks";
import type { DealerInfo, Mobility } from "../shared/types.js";
import { type Contact, NO_CONTACT } from "./contact.js";
import type { VehicleInput } from "./vehicle-step.js";

// The customer's answers over one booking: the services, the car, the mobility and the
// details, each starting from what the page presets (its attributes, ?query), and the
// visit they make (what the times, the hold and the booking are asked for). The details
// are kept across this booking's Back and Continue, never past it (`reset`).

/** What the page presets (the widget's attributes). */
export interface Presets {
  interventions: string | null;
  vehicleModel: string | null;
  vin: string | null;
}

export type Answers = ReturnType<typeof useAnswers>;

export function useAnswers(p: Presets) {
  // What the page presets (attributes, ?query): where every booking starts; the services
  // the dealer offers once it is known (the first booking's are filtered as it loads).
  const presetServices = (dealer: DealerInfo | null) =>
    (p.interventions ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((c) => c && (!dealer || dealer.interventions.some((i) => i.code === c)));
  const presetVehicle = (): VehicleInput => ({
    model: p.vehicleModel ?? "",
    vin: p.vin ?? "",
    electrified: false,
    known: false,
  });
  const [services, setServices] = useState<string[]>(() => presetServices(null));
  const [vehicle, setVehicle] = useState<VehicleInput>(presetVehicle);
  const [mobility, setMobility] = useState<Mobility>("none");
  const [contact, setContact] = useState<Contact>(NO_CONTACT);

  const visit = () => ({
    vehicle: {
      model: vehicle.model.trim(),
      ...(vehicle.vin.trim() ? { vin: vehicle.vin.trim() } : {}),
      ...(vehicle.electrified ? { electrified: true } : {}),
    },
    interventions: services,
    customer: { known: vehicle.known },
    mobility,
  });
  /**
   * Another booking starts where the page started: on a shared device (a dealer's kiosk)
   * the next customer must not find the last one's name, phone, email or car.
   */
  const reset = (dealer: DealerInfo) => {
    setServices(presetServices(dealer));
    setVehicle(presetVehicle());
    setMobility("none");
    setContact(NO_CONTACT);
  };
  return { services, setServices, vehicle, setVehicle, mobility, setMobility, contact, setContact, visit, reset };
}
